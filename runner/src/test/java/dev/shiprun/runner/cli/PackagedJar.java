package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The packaged CLI (runner/target/shiprun.jar) as a process, for the tests of a home several
 * processes share or the machine refuses (a full disk, permissions): output to files, a prefix
 * command (to run it as another user), and what the machine must allow.
 */
final class PackagedJar {

  private final Path output;
  private final AtomicInteger count = new AtomicInteger();

  /**
   * @param output where each process's stdout and stderr files go
   */
  PackagedJar(Path output) {
    this.output = output;
  }

  record Result(int code, String out, String err) {}

  /** A started process and its output files. */
  record Started(Process process, Path outFile, Path errFile) {
    Result await() throws Exception {
      assertTrue(process.waitFor(120, TimeUnit.SECONDS), "shiprun did not end: " + err());
      return new Result(
          process.exitValue(),
          Files.readString(outFile, StandardCharsets.UTF_8),
          Files.readString(errFile, StandardCharsets.UTF_8));
    }

    String err() throws IOException {
      return Files.readString(errFile, StandardCharsets.UTF_8);
    }
  }

  Result run(String... args) throws Exception {
    return start(List.of(), Map.of(), args).await();
  }

  /**
   * Starts {@code java -jar shiprun.jar ARGS} after {@code prefix} (e.g. setpriv to run as another
   * user), with {@code env} added to this JVM's environment.
   */
  Started start(List<String> prefix, Map<String, String> env, String... args) throws IOException {
    return start(prefix, env, jar(), args);
  }

  Started start(List<String> prefix, Map<String, String> env, Path jar, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(prefix);
    command.add(java());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    int n = count.incrementAndGet();
    Path out = output.resolve("shiprun-" + n + ".out");
    Path err = output.resolve("shiprun-" + n + ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().remove("SHIPRUN_HOME");
    builder.environment().putAll(env);
    return new Started(builder.start(), out, err);
  }

  static Path jar() {
    return Path.of(System.getProperty("shiprun.jar", "target/shiprun.jar")).toAbsolutePath();
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * What the machine must allow (root for a mount, a user to drop to). Missing on a developer's
   * machine, the test is skipped and says why; under CI (CI=true, run as root) it fails, so a green
   * CI never means "not tested".
   */
  static void require(boolean present, String what) {
    if (present) {
      return;
    }
    if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("this test needs " + what + " (CI runs as root)");
    }
    Assumptions.abort("this test needs " + what);
  }

  static boolean isRoot() {
    try {
      return "0".equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString());
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** Runs a tool to its end; its exit code. */
  static int tool(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not end");
    return p.exitValue();
  }
}
