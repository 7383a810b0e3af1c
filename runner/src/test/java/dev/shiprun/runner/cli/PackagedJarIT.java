package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar leaves application.properties out (Quarkus baked its values in at build time;
 * reading it again cost every start a zip file system over the jar). Its settings must still hold:
 * logs at WARN and on stderr, no banner, stdout for results only.
 */
class PackagedJarIT {

  @TempDir Path temp;

  @Test
  void theJarHoldsNoApplicationProperties() throws IOException {
    try (ZipFile jar = new ZipFile(jar())) {
      assertEquals(null, jar.getEntry("application.properties"));
      assertTrue(jar.getEntry("META-INF/MANIFEST.MF") != null, "still a runnable jar");
    }
  }

  /** {@code daemon --help} boots Quarkus (only the daemon does), shows the help and exits. */
  @Test
  void itsSettingsHoldWithoutTheFile() throws Exception {
    Result quiet = run(List.of(), "daemon", "--help");
    assertEquals(0, quiet.code());
    assertTrue(quiet.out().startsWith("Usage: shiprun daemon "), quiet.out());
    assertEquals("", quiet.err(), "logs at WARN: nothing on stderr for daemon --help");

    Result info = run(List.of("-Dquarkus.log.level=INFO"), "daemon", "--help");
    assertEquals(0, info.code());
    assertTrue(info.err().contains("Installed features"), "Quarkus logs on stderr: " + info.err());
    assertFalse(info.out().contains("INFO"), "stdout carries results only: " + info.out());
    assertFalse(info.out().contains("___"), "no banner: " + info.out());
  }

  private record Result(int code, String out, String err) {}

  private Result run(List<String> jvm, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvm);
    command.add("-jar");
    command.add(jar());
    command.addAll(List.of(args));
    Path out = temp.resolve("out.txt");
    Path err = temp.resolve("err.txt");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the jar did not exit");
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String jar() {
    return System.getProperty("shiprun.jar", "target/shiprun.jar");
  }
}
