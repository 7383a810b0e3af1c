package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code shiprun validate} with no PATH, run from an empty directory (via shiprun.cwd). */
@QuarkusMainTest
@TestProfile(ValidateEmptyDirectoryTest.EmptyDirectory.class)
class ValidateEmptyDirectoryTest {

  public static class EmptyDirectory implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      try {
        var dir = Files.createTempDirectory("shiprun-empty");
        dir.toFile().deleteOnExit();
        return Map.of("shiprun.cwd", dir.toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Test
  @Launch(
      value = {"validate"},
      exitCode = 1)
  void reportsNothingToLoadInEmptyDirectory(LaunchResult result) {
    String err = result.getErrorOutput();
    assertTrue(err.contains("error[AL009]: no assembly line here"), err);
    assertTrue(err.contains("invalid: 1 error, 0 warnings"), err);
  }
}
