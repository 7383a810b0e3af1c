package dev.shiprun.runner.shipctl;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
    try {
      Path out = Files.createTempFile(home, "stdout", ".txt");
      Path err = Files.createTempFile(home, "stderr", ".txt");
      ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
      pb.environment().clear();
      pb.environment().put("PATH", bin + ":" + SYSTEM_PATH);
      pb.environment().put("HOME", home.toString());
      pb.environment().putAll(env);
      pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process process = pb.start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("shipctl did not end within 60 s: " + command);
      }
      Result result =
          new Result(
              process.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.delete(out);
      Files.delete(err);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What one run gave back; {@code toString} is the assertion message. */
  record Result(int exitCode, String stdout, String stderr) {

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }
}
