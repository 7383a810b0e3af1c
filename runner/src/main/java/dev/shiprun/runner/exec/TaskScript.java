package dev.shiprun.runner.exec;

import dev.shiprun.runner.exec.ScriptItem.Section;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The items of one TASK (spec §1.3.3) and the hook sections attached to it (§1.3.4), to be run in
 * one bash process by a generated wrapper.
 *
 * <p>Semantics of the wrapper: the script items run in order in one shell, each sourced from a file
 * of its own, so its text runs exactly as written and {@code cd} and exported variables carry to
 * the next item. An ERR trap, inherited by functions, subshells and command substitutions, ends the
 * task at the first failing command, also inside a multi-line item; a script that disables it
 * ({@code trap "" ERR}) still fails when an item's last command fails. When an item fails,
 * on_failure then always run in a subshell whose errors are ignored, and the task keeps the item's
 * exit code. When all items succeed, on_success then always run in the same shell with the same
 * rule, and a failure there fails the task (and skips the rest). An {@code exit 0} inside an item
 * ends the task as a success, skipping the rest. A script that sets its own EXIT trap replaces
 * shiprun's: a failing command still runs on_failure (from the ERR trap), an {@code exit N} does
 * not, and an {@code exit 0} before the last item counts as a failure, because the task cannot be
 * seen to complete. A signal (timeout, cancel) runs no hooks.
 *
 * @param script the TASK's {@code script} items (each one may hold many lines)
 * @param onSuccess run after the items when they all succeeded (spec: only for the last TASK)
 * @param onFailure run when an item failed
 * @param always run after on_success or on_failure
 */
public record TaskScript(
    List<String> script, List<String> onSuccess, List<String> onFailure, List<String> always) {

  public TaskScript {
    script = List.copyOf(script);
    onSuccess = List.copyOf(onSuccess);
    onFailure = List.copyOf(onFailure);
    always = List.copyOf(always);
  }

  /** Script items without hooks. */
  public static TaskScript of(List<String> script) {
    return new TaskScript(script, List.of(), List.of(), List.of());
  }

  /**
   * Writes {@code <folder>/<name>.sh} (the wrapper to launch) and beside it one file per item
   * ({@code <name>.script_0.sh}, {@code <name>.on_success_0.sh} …) and the status file {@code
   * <name>.status}, replacing what an earlier run left there.
   *
   * @param name a file name such as {@code task_0}
   */
  public TaskScriptFile writeTo(Path folder, String name) throws IOException {
    if (!name.matches("[A-Za-z0-9_.-]+") || name.startsWith(".")) {
      throw new IllegalArgumentException("not a plain file name: " + name);
    }
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(folder);
    }
    // Files beside the wrapper, no folder per task: each folder costs a block to create and to
    // delete, which is slow on a file system mounted with discard (docs/benchmarks.md).
    Path items = folder.resolve(name).toAbsolutePath();
    Path status = items.resolveSibling(name + ".status");
    Files.deleteIfExists(status);
    for (Section section : Section.values()) {
      List<String> texts = items(section);
      for (int i = 0; i < texts.size(); i++) {
        String text = texts.get(i);
        Files.writeString(
            itemFile(items, section, i),
            text.endsWith("\n") ? text : text + "\n",
            StandardCharsets.UTF_8);
      }
    }
    Path wrapper = folder.resolve(name + ".sh").toAbsolutePath();
    Files.writeString(wrapper, wrapper(items, status), StandardCharsets.UTF_8);
    return new TaskScriptFile(wrapper, status, this);
  }

  List<String> items(Section section) {
    return switch (section) {
      case SCRIPT -> script;
      case ON_SUCCESS -> onSuccess;
      case ON_FAILURE -> onFailure;
      case ALWAYS -> always;
    };
  }

  private String wrapper(Path items, Path status) {
    StringBuilder text =
        new StringBuilder(
            HEADER
                .replace("@STATUS@", quote(status))
                .replace("@FAILURE_HOOKS@", failureHooks(items)));
    for (Section section : List.of(Section.SCRIPT, Section.ON_SUCCESS, Section.ALWAYS)) {
      for (int i = 0; i < items(section).size(); i++) {
        if (i == 0 && section != Section.SCRIPT) {
          text.append('\n').append(hookStart(section));
        }
        text.append(
            ITEM.replace("@PART@", section.yamlName())
                .replace("@INDEX@", Integer.toString(i))
                .replace("@FILE@", quote(itemFile(items, section, i))));
      }
    }
    return text.append(FOOTER).toString();
  }

  private String failureHooks(Path items) {
    if (onFailure.isEmpty() && always.isEmpty()) {
      return "";
    }
    StringBuilder hooks = new StringBuilder("    (\n      builtin trap - ERR\n      set +e\n");
    for (Section section : List.of(Section.ON_FAILURE, Section.ALWAYS)) {
      for (int i = 0; i < items(section).size(); i++) {
        if (i == 0) {
          hooks.append("      ").append(hookStart(section));
        }
        hooks
            .append("      builtin source ")
            .append(quote(itemFile(items, section, i)))
            .append('\n');
      }
    }
    return hooks.append("    )\n").toString();
  }

  /**
   * The status line that says when a hook section begins ({@link TaskTimeline}): {@code @ NAME
   * SECONDS.MICROS}, the time empty in a bash older than 5.
   */
  private static String hookStart(Section section) {
    return "builtin printf '@ "
        + section.yamlName()
        + " %s\\n' \"${EPOCHREALTIME-}\" >>\"$__shiprun_status\" 2>/dev/null || builtin :\n";
  }

  private static Path itemFile(Path items, Section section, int index) {
    return items.resolveSibling(
        items.getFileName() + "." + section.yamlName() + "_" + index + ".sh");
  }

  /** A single-quoted bash word: exact for any text without NUL. */
  private static String quote(Path path) {
    return "'" + path.toString().replace("'", "'\\''") + "'";
  }

  private static final String HEADER =
      """
      #!/usr/bin/env bash
      # Generated by shiprun; do not edit. Runs the items of one TASK in this one shell, in
      # order, each sourced as written; the first failing command ends the task.
      # See docs/architecture.md, "The exec layer".
      __shiprun_status=@STATUS@
      __shiprun_part=script
      __shiprun_item=-1
      __shiprun_signal=
      __shiprun_hooks=
      # after a failed script item, once, in the main shell: on_failure then always, errors ignored
      __shiprun_failed() {
        if [[ $1 -ne 0 && $__shiprun_part == script && $BASHPID == "$$" ]] &&
          [[ -z $__shiprun_signal$__shiprun_hooks ]]; then
          __shiprun_hooks=ran
      @FAILURE_HOOKS@  fi
      }
      __shiprun_exit() {
        __shiprun_code=$?
        builtin trap - ERR
        builtin printf '%s %s %s\\n' "$__shiprun_part" "$__shiprun_item" "$__shiprun_code" >>"$__shiprun_status" 2>/dev/null || builtin :
        __shiprun_failed "$__shiprun_code"
        builtin exit "$__shiprun_code"
      }
      builtin trap __shiprun_exit EXIT
      builtin trap '__shiprun_signal=TERM; builtin exit 143' TERM
      builtin trap '__shiprun_signal=INT; builtin exit 130' INT
      builtin trap '__shiprun_signal=HUP; builtin exit 129' HUP
      set -o errtrace
      builtin trap '__shiprun_code=$?; __shiprun_failed "$__shiprun_code"; builtin exit "$__shiprun_code"' ERR
      """;

  private static final String ITEM =
      """

      __shiprun_part=@PART@; __shiprun_item=@INDEX@
      builtin printf '@PART@ @INDEX@\\n' >>"$__shiprun_status" 2>/dev/null || builtin :
      builtin source @FILE@
      __shiprun_rc=$?
      [[ $__shiprun_rc -eq 0 ]] || { __shiprun_failed "$__shiprun_rc"; builtin exit "$__shiprun_rc"; }
      """;

  private static final String FOOTER =
      """

      __shiprun_part=completed; __shiprun_item=-1
      builtin printf 'completed -1\\n' >>"$__shiprun_status" 2>/dev/null || builtin :
      """;
}
