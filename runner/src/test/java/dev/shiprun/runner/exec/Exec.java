package dev.shiprun.runner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What the exec tests share: a launcher with a short grace period, and a look at /proc. */
final class Exec {

  static final Duration GRACE = Duration.ofMillis(300);
  static final Duration LONG = Duration.ofMinutes(2);
  static final Map<String, String> PATH_ONLY = Map.of("PATH", "/usr/local/bin:/usr/bin:/bin");

  final ProcessTreeKiller killer = new ProcessTreeKiller(GRACE);
  final ProcessLauncher launcher;
  final RunToken token = RunToken.random();

  /** With the containment this machine allows. */
  Exec() {
    this(ExecOptions.defaults(Map.of()));
  }

  Exec(ExecOptions options) {
    launcher = new ProcessLauncher(options, killer);
  }

  /** Writes {@code text} to {@code dir/run.sh} and runs it there without a real time limit. */
  LaunchResult run(Path dir, String text, OutputSink sink) throws IOException {
    return launcher.run(launch(dir, text, PATH_ONLY, LONG), sink, new Cancellation());
  }

  Launch launch(Path dir, String text, Map<String, String> environment, Duration timeout)
      throws IOException {
    Path script = Files.writeString(dir.resolve("run.sh"), text, StandardCharsets.UTF_8);
    return new Launch(script, dir, environment, token, timeout);
  }

  /** Runs a task wrapper in {@code dir} and reads its outcome; the script must exit. */
  TaskOutcome runTask(Path dir, TaskScript task, OutputSink sink) throws IOException {
    TaskScriptFile file = task.writeTo(dir.resolve("scripts"), "task_0");
    LaunchResult result =
        launcher.run(
            new Launch(file.wrapper(), dir, PATH_ONLY, token, LONG), sink, new Cancellation());
    return file.outcome(assertInstanceOf(LaunchResult.Exited.class, result).code());
  }

  /** The live processes whose environment mentions the token, read straight from /proc. */
  List<Long> survivors() throws IOException {
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      return entries
          .filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(p -> read(p.resolve("environ")).contains(token.value()))
          .filter(p -> !isGone(Long.parseLong(p.getFileName().toString())))
          .map(p -> Long.parseLong(p.getFileName().toString()))
          .toList();
    }
  }

  void assertNothingSurvives() throws IOException {
    assertEquals(List.of(), survivors(), "processes still carrying " + token);
  }

  /** Gone, or a zombie waiting for a parent to reap it. */
  static boolean isGone(long pid) {
    return read(Path.of("/proc", Long.toString(pid), "status"))
        .lines()
        .noneMatch(l -> l.startsWith("State:") && !l.contains("Z (zombie)"));
  }

  static long pid(Path file) throws IOException {
    return Long.parseLong(Files.readString(file).strip());
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return "";
    }
  }
}
