package dev.shiprun.runner.shipctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** replace: envsubst in place (spec §4.2). */
class ReplaceTest {

  @TempDir Path dir;
  JobFolder job;

  @BeforeEach
  void setUp() {
    job = JobFolder.runSh(dir, "deploy").set("DB_HOST", "db.internal").set("DB_PORT", "5432");
  }

  @Test
  void substitutesVariablesInPlaceAndEmptiesUnknownOnes() throws Exception {
    Path file =
        JobFolder.write(
            dir.resolve("app.conf"), "host=$DB_HOST port=${DB_PORT} x=[$NOT_SET] cost=5$\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));

    Shipctl.Result result = job.shipctl("replace", file.toString());

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("host=db.internal port=5432 x=[] cost=5$\n", JobFolder.content(file));
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void replacesEveryFileGiven() {
    Path a = JobFolder.write(dir.resolve("a.yml"), "host: $DB_HOST");
    Path b = JobFolder.write(dir.resolve("b.yml"), "port: $DB_PORT");

    job.shipctl("replace", a.toString(), b.toString());

    assertEquals("host: db.internal", JobFolder.content(a));
    assertEquals("port: 5432", JobFolder.content(b));
  }

  @Test
  void directoryIsNotSupportedAndReturns82() {
    Path folder = JobFolder.mkdirs(dir.resolve("conf.d"));

    Shipctl.Result result = job.shipctl("replace", folder.toString());

    result.assertFailed(82, "shipctl replace is not supported for directories: " + folder + "\n");
  }

  @Test
  void missingFileExits99() {
    Shipctl.Result result = job.shipctl("replace", "nope.conf");

    result.assertFailed(99, "Error: no such file: nope.conf\n");
  }
}
