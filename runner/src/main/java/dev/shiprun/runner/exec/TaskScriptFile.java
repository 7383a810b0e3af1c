package dev.shiprun.runner.exec;

import dev.shiprun.runner.exec.ScriptItem.Section;
import dev.shiprun.runner.exec.TaskOutcome.Failed;
import dev.shiprun.runner.exec.TaskOutcome.Succeeded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link TaskScript} written to disk.
 *
 * @param wrapper the script to launch ({@link Launch#script()})
 * @param status where the wrapper records which item runs and how the shell exited; read by {@link
 *     #outcome(int)}
 */
public record TaskScriptFile(Path wrapper, Path status, TaskScript task) {

  public TaskScriptFile {
    Objects.requireNonNull(wrapper, "wrapper");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(task, "task");
  }

  /** How the task went, given the exit code of a launch of {@link #wrapper()} that exited. */
  public TaskOutcome outcome(int exitCode) {
    Optional<String[]> recorded = readStatus();
    if (recorded.isEmpty()) {
      return new Failed(
          exitCode,
          Optional.empty(),
          "the task ended with exit code " + exitCode + " before its first item ran");
    }
    String part = recorded.get()[0];
    boolean trapped = recorded.get().length == 3; // the wrapper's EXIT trap wrote this line
    if (part.equals("completed")) {
      return exitCode == 0
          ? new Succeeded()
          : new Failed(
              exitCode,
              Optional.empty(),
              "the task ended with exit code "
                  + exitCode
                  + " after all its items ran: does an EXIT trap of the script fail?");
    }
    Optional<ScriptItem> item = item(part, recorded.get()[1]);
    String where = item.map(ScriptItem::toString).orElse("an item");
    if (exitCode != 0) {
      return new Failed(exitCode, item, where + " failed with exit code " + exitCode);
    }
    if (trapped) {
      return new Succeeded(); // an item ended the task early with exit 0
    }
    return new Failed(
        0,
        item,
        where
            + " ended the task with exit code 0 after shiprun's EXIT trap was reset or replaced,"
            + " so the task cannot be seen to complete and counts as failed: keep the EXIT trap,"
            + " or let the item end without exit");
  }

  private Optional<ScriptItem> item(String part, String index) {
    Optional<Section> section =
        Arrays.stream(Section.values()).filter(s -> s.yamlName().equals(part)).findFirst();
    try {
      int i = Integer.parseInt(index);
      return section
          .filter(s -> i >= 0 && i < task.items(s).size())
          .map(s -> new ScriptItem(s, i, task.items(s).size()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The last item line of the status file (lines of {@link TaskTimeline} aside). The wrapper
   * appends a line per step instead of rewriting the file: truncating a file that holds data frees
   * its block, which makes each write slow on a file system mounted with {@code discard}
   * (docs/benchmarks.md).
   */
  private Optional<String[]> readStatus() {
    try {
      return TaskTimeline.lastItem(Files.readString(status, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
