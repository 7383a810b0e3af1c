package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkout's {@code ./shiprun} script while it builds: Maven's output condensed to a line per
 * module and the downloads so far, its errors when the build fails. The script runs in real bash in
 * a copy of the checkout's layout whose {@code mvnw} only prints what Maven prints (no network, no
 * real build).
 */
class ShiprunScriptTest {

  private static final String MODULES =
      """
      [INFO] Scanning for projects...
      [INFO] ---------------------< dev.shiprun:shiprun-parent >---------------------
      [INFO] Building shiprun 0.1.0-SNAPSHOT                                    [1/3]
      [INFO]   from pom.xml
      [INFO] --------------------< dev.shiprun:resources-model >---------------------
      [INFO] Building shiprun resources-model 0.1.0-SNAPSHOT                    [2/3]
      [INFO] -------------------------< dev.shiprun:runner >-------------------------
      [INFO] Building shiprun runner 0.1.0-SNAPSHOT                             [3/3]
      """;

  private static final String DOWNLOADS =
      """
      [INFO] Downloading from central: https://repo.maven.apache.org/maven2/a/a/1/a-1.pom
      [INFO] Downloaded from central: https://repo.maven.apache.org/maven2/a/a/1/a-1.pom (2.1 kB at 9 kB/s)
      [INFO] Downloading from central: https://repo.maven.apache.org/maven2/b/b/1/b-1.jar
      [INFO] Downloaded from central: https://repo.maven.apache.org/maven2/b/b/1/b-1.jar (1.5 MB at 3 MB/s)
      [INFO] Downloaded from central: https://repo.maven.apache.org/maven2/c/c/1/c-1.jar (900 kB at 3 MB/s)
      """;

  @TempDir Path checkout;

  @Test
  void aFirstBuildSaysWhatItBuildsAndDownloads() throws Exception {
    layout(MODULES + DOWNLOADS + "[INFO] BUILD SUCCESS\n", 0);
    Result result = shiprun();
    assertEquals(0, result.code(), result.err());
    assertEquals("launched validate x\n", result.out());
    String err = result.err();
    assertTrue(err.startsWith("shiprun: building shiprun (./mvnw -B package"), err);
    assertTrue(err.contains("shiprun: building shiprun resources-model (2/3) ..."), err);
    assertTrue(err.contains("shiprun: building shiprun runner (3/3) ..."), err);
    assertTrue(
        err.contains(
            "shiprun: downloading Maven plugins and dependencies (the first build only) ..."),
        err);
    assertTrue(err.contains("shiprun: downloaded 3 files, 2.4 MB"), err);
    assertTrue(err.contains("shiprun: built in "), err);
    assertFalse(err.contains("[INFO]"), "Maven's own lines stay in the log:\n" + err);
    assertTrue(
        Files.readString(checkout.resolve("runner/target/shiprun-build.log"))
            .contains("Downloaded from central"));
  }

  @Test
  void aBuildWithNothingToDownloadSaysOnlyWhatItBuilds() throws Exception {
    layout(MODULES + "[INFO] BUILD SUCCESS\n", 0);
    Result result = shiprun();
    assertEquals(0, result.code(), result.err());
    assertEquals(5, result.err().lines().count(), result.err());
    assertFalse(result.err().contains("download"), result.err());
  }

  @Test
  void aFailedBuildShowsMavensErrors() throws Exception {
    layout(
        MODULES
            + "[INFO] compiling\n[ERROR] /x/Foo.java:[3,1] cannot find symbol\n[INFO] BUILD FAILURE\n",
        1);
    Result result = shiprun();
    assertEquals(3, result.code(), result.err());
    assertTrue(result.err().contains("[ERROR] /x/Foo.java:[3,1] cannot find symbol"), result.err());
    assertTrue(result.err().contains("shiprun: internal error: the build failed"), result.err());
    assertFalse(result.err().contains("[INFO] compiling"), result.err());
    assertEquals("", result.out());
  }

  @Test
  void anUpToDateJarRunsWithoutBuilding() throws Exception {
    layout("", 1);
    Path jar = checkout.resolve("runner/target/shiprun.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "jar");
    Result result = shiprun();
    assertEquals(0, result.code(), result.err());
    assertEquals("", result.err());
    assertEquals("launched validate x\n", result.out());
  }

  /**
   * The script in a checkout whose mvnw prints {@code maven} and exits with {@code exit}, making
   * the jar when it succeeds, and whose launcher says it was launched.
   */
  private void layout(String maven, int exit) throws Exception {
    Path script = Path.of("../shiprun").toAbsolutePath().normalize();
    Files.copy(script, checkout.resolve("shiprun"));
    executable(checkout.resolve("shiprun"));
    for (String pom : new String[] {"pom.xml", "resources-model/pom.xml", "runner/pom.xml"}) {
      Files.createDirectories(checkout.resolve(pom).getParent());
      Files.writeString(checkout.resolve(pom), "<project/>\n");
    }
    Files.createDirectories(checkout.resolve("resources-model/src/main"));
    Files.createDirectories(checkout.resolve("runner/src/main"));
    Files.writeString(checkout.resolve("maven-output.txt"), maven);
    Files.writeString(
        checkout.resolve("mvnw"),
        "#!/usr/bin/env bash\ncat maven-output.txt\n"
            + (exit == 0 ? "mkdir -p runner/target && echo jar > runner/target/shiprun.jar\n" : "")
            + "exit "
            + exit
            + "\n");
    executable(checkout.resolve("mvnw"));
    Path launcher = checkout.resolve("runner/src/main/dist/bin/shiprun");
    Files.createDirectories(launcher.getParent());
    Files.writeString(launcher, "#!/usr/bin/env bash\necho \"launched $*\"\n");
    executable(launcher);
  }

  private static void executable(Path file) throws Exception {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private record Result(int code, String out, String err) {}

  private Result shiprun() throws Exception {
    Path out = checkout.resolve("script.out");
    Path err = checkout.resolve("script.err");
    Process process =
        new ProcessBuilder(checkout.resolve("shiprun").toString(), "validate", "x")
            .directory(checkout.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the script did not end");
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
