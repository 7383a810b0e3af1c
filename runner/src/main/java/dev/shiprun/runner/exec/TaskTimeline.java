package dev.shiprun.runner.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When the hook sections that ran in a TASK's shell began, read from the status file its wrapper
 * ({@link TaskScript}) left: a line {@code @ on_success SECONDS.MICROS} as each section begins,
 * beside the lines that say which item runs. The engine makes steps of them: the TASK up to its
 * first hook section, then each section.
 *
 * @param hooks the hook sections that began, in order (none when the shell's bash tells no time)
 * @param lastPart the part of the task that ran last ({@code script}, {@code on_success}, {@code
 *     always}, or {@code completed}); empty when no item ran
 */
public record TaskTimeline(List<HookStart> hooks, Optional<String> lastPart) {

  /** A hook section that began at {@code startedAt}. */
  public record HookStart(String name, Instant startedAt) {}

  private static final String HOOK = "@ ";

  public TaskTimeline {
    hooks = List.copyOf(hooks);
  }

  /**
   * What the wrapper named {@code name} in {@code folder} left; empty when it left nothing (an
   * executor that does not write it).
   */
  public static TaskTimeline read(Path folder, String name) {
    String text;
    try {
      text = Files.readString(folder.resolve(name + ".status"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return new TaskTimeline(List.of(), Optional.empty());
    }
    List<HookStart> hooks = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith(HOOK)) {
        String[] fields = line.substring(HOOK.length()).split(" ");
        if (fields.length == 2) {
          time(fields[1]).ifPresent(at -> hooks.add(new HookStart(fields[0], at)));
        }
      }
    }
    return new TaskTimeline(hooks, lastItem(text).map(fields -> fields[0]));
  }

  /** The fields of the last line that tells an item, not a hook's time. */
  static Optional<String[]> lastItem(String text) {
    String[] lines = text.strip().split("\n");
    for (int i = lines.length - 1; i >= 0; i--) {
      if (!lines[i].startsWith(HOOK)) {
        String[] fields = lines[i].split(" ");
        return fields.length >= 2 ? Optional.of(fields) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** bash's {@code EPOCHREALTIME}: seconds, then the locale's decimal mark, then microseconds. */
  private static Optional<Instant> time(String text) {
    String[] parts = text.split("[.,]");
    try {
      long seconds = Long.parseLong(parts[0]);
      long micros = parts.length > 1 ? Long.parseLong((parts[1] + "000000").substring(0, 6)) : 0;
      return Optional.of(Instant.ofEpochSecond(seconds, micros * 1_000));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
