package dev.shiprun.runner.shipctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * bump_version: the richer function of spec §4.2 (§9 point 8), never below its input by semver 2.0
 * precedence (docs/shipctl.md; {@link BumpVersionPropertyTest} checks it over many versions).
 */
class BumpVersionTest {

  @TempDir Path dir;
  JobFolder job;

  @BeforeEach
  void setUp() {
    job = JobFolder.runSh(dir, "release");
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "1.2.3, major, 2.0.0",
    "1.2.3, minor, 1.3.0",
    "1.2.3, patch, 1.2.4",
    "v1.2.3, patch, v1.2.4",
    "v1.9.9, major, v2.0.0",
    "1.2.3-rc.2, patch, 1.2.4",
    "1.2.3-beta, minor, 1.3.0",
    "1.2.3, rc, 1.2.4-rc",
    "v1.2.3, beta, v1.2.4-beta",
    "1.2.3-rc, rc, 1.2.3-rc.1",
    "1.2.3-rc.1, rc, 1.2.3-rc.2",
    "v2.0.0-alpha.9, alpha, v2.0.0-alpha.10",
    "1.2.3-alpha.3, beta, 1.2.3-beta",
    "1.2.3-beta, final, 1.2.3",
    "v1.2.3-rc.4, final, v1.2.3",
    "1.2.3, final, 1.2.3",
    "1.2.3-rc.1-hotfix, rc, 1.2.4-rc",
    "1.2.3-alpha.beta, alpha, 1.2.4-alpha",
    "1.2.3-beta, alpha, 1.2.4-alpha",
    "1.2.3-rc.1, beta, 1.2.4-beta",
    "1.2.3-rc.1.2, rc, 1.2.3-rc.2",
    "1.2.3-rc4, rc, 1.2.4-rc",
    "1.2.3-prerc, rc, 1.2.3-rc",
    "1.2.08, patch, 1.2.9",
    "08.1.1, major, 9.0.0",
    "1.2.3-rc.09, rc, 1.2.3-rc.10",
    "01.02.03-rc, final, 1.2.3",
    "1.2.3+build.5, patch, 1.2.4",
    "1.2.3-rc+build.5, rc, 1.2.3-rc.1",
    "1.2.3+build.5, final, 1.2.3",
    "1.2.99999999999999999999, patch, 1.2.100000000000000000000"
  })
  void bumpsAsTheTableSays(String version, String action, String expected) {
    job.shipctl("bump_version", version, action).assertPrinted(expected + "\n");
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({
    "1.2, patch, error: Invalid semantics given in the argument.",
    "x.y.z, minor, error: Invalid semantics given in the argument.",
    "1.2.3.4, patch, error: Invalid semantics given in the argument.",
    "1.2.3-rc_1, rc, error: Invalid semantics given in the argument.",
    "1.2.3-rc..1, rc, error: Invalid semantics given in the argument.",
    "1.2.3-, rc, error: Invalid semantics given in the argument.",
    "1.2.3+, patch, error: Invalid semantics given in the argument.",
    "1.2.3, huge, error: Invalid action given in the argument."
  })
  void refusesWhatIsNotSemanticVersioning(String version, String action, String message) {
    Shipctl.Result result = job.shipctl("bump_version", version, action);

    assertEquals(99, result.exitCode());
    assertEquals("", result.stdout());
    assertEquals(message + "\n", result.stderr());
  }
}
