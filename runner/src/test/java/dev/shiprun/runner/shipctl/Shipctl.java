package dev.shiprun.runner.shipctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shipped script, installed the way the engine installs it: copied from the class path into a
 * {@code bin} folder that heads PATH. Every run gets only the environment a test gives it (plus
 * PATH and HOME), so nothing of the machine running the tests leaks in.
 */
final class Shipctl {

  /** The system folders a job's PATH holds besides shipctl's. */
  private static final String SYSTEM_PATH =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private final Path bin;
  private final Path home;

  private Shipctl(Path bin, Path home) {
    this.bin = bin;
    this.home = home;
  }

  /** Installs the script under {@code dir/bin} with a home at {@code dir/home}. */
  static Shipctl installIn(Path dir) {
    try {
      Path bin = Files.createDirectories(dir.resolve("bin"));
      Path home = Files.createDirectories(dir.resolve("home"));
      try (InputStream script = Shipctl.class.getResourceAsStream("/shipctl/shipctl")) {
        if (script == null) {
          throw new IllegalStateException("shipctl/shipctl is not on the class path");
        }
        Files.copy(script, bin.resolve("shipctl"), StandardCopyOption.REPLACE_EXISTING);
      }
      Files.setPosixFilePermissions(
          bin.resolve("shipctl"), PosixFilePermissions.fromString("rwxr-xr-x"));
      return new Shipctl(bin, home);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Another shipctl, for comparing: every file of {@code folder} (a {@code shipctl} and what it
   * needs beside it on PATH) copied executable under {@code dir/bin}, with a home at {@code
   * dir/home}.
   */
  static Shipctl installFrom(Path dir, Path folder) {
    try (var files = Files.list(folder)) {
      Path bin = Files.createDirectories(dir.resolve("bin"));
      Path home = Files.createDirectories(dir.resolve("home"));
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = bin.resolve(file.getFileName().toString());
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      return new Shipctl(bin, home);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folder shipctl is installed in, at the head of PATH. */
  Path bin() {
    return bin;
  }

  Path executable() {
    return bin.resolve("shipctl");
  }

  /** {@code shipctl args…} in {@code workDir}. */
  Result run(Map<String, String> env, Path workDir, String... args) {
    List<String> command = new ArrayList<>();
    command.add(executable().toString());
    command.addAll(List.of(args));
    return exec(command, env, workDir);
  }

  /** A job script line run by bash, with shipctl found on PATH as in a job. */
  Result script(Map<String, String> env, Path workDir, String script) {
    return exec(List.of("bash", "-c", script), env, workDir);
  }

  private Result exec(List<String> command, Map<String, String> env, Path workDir) {
    Map<String, String> full = new HashMap<>(env);
    full.put("PATH", bin + ":" + SYSTEM_PATH);
    full.put("HOME", home.toString());
    return Processes.run(command, full, workDir);
  }

  /** What one run gave back; {@code toString} is the assertion message. */
  record Result(int exitCode, String stdout, String stderr) {

    /** Asserts a success that printed exactly {@code expectedStdout}. */
    void assertPrinted(String expectedStdout) {
      assertEquals(0, exitCode, this::toString);
      assertEquals(expectedStdout, stdout, this::toString);
    }

    /** Asserts a failure: the exit code and the whole of stderr. */
    void assertFailed(int expectedExit, String expectedStderr) {
      assertEquals(expectedExit, exitCode, this::toString);
      assertEquals(expectedStderr, stderr, this::toString);
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }
}
