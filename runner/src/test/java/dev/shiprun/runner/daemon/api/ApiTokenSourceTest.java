package dev.shiprun.runner.daemon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.runner.daemon.DaemonException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokenSourceTest {

  @TempDir Path home;

  @Test
  void theFirstStartMakesAPrivateTokenFile() throws Exception {
    ApiTokenSource.Resolved first = ApiTokenSource.resolve(home, Map.of());
    Path file = home.resolve("api-token");
    assertTrue(first.created());
    assertEquals(file.toString(), first.source());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(first.token().reveal() + "\n", Files.readString(file));
    try (var leftovers = Files.list(home)) {
      assertEquals(1, leftovers.count(), "no temporary file left beside it");
    }
  }

  @Test
  void laterStartsReadTheSameTokenAndMakeNone() {
    ApiTokenSource.Resolved first = ApiTokenSource.resolve(home, Map.of());
    ApiTokenSource.Resolved second = ApiTokenSource.resolve(home, Map.of());
    assertFalse(second.created());
    assertTrue(second.token().matches(first.token().reveal()));
  }

  @Test
  void theEnvironmentWinsAndNoFileIsMade() {
    ApiTokenSource.Resolved resolved =
        ApiTokenSource.resolve(home, Map.of("SHIPRUN_API_TOKEN", "made-up-environment-token"));
    assertFalse(resolved.created());
    assertEquals("SHIPRUN_API_TOKEN", resolved.source());
    assertTrue(resolved.token().matches("made-up-environment-token"));
    assertFalse(Files.exists(home.resolve("api-token")));
  }

  @Test
  void aBlankVariableCountsAsUnset() {
    assertTrue(ApiTokenSource.resolve(home, Map.of("SHIPRUN_API_TOKEN", " ")).created());
  }

  @Test
  void anEmptyTokenFileIsOneLineWithTheFix() throws Exception {
    Files.writeString(home.resolve("api-token"), "\n");
    DaemonException e =
        assertThrows(DaemonException.class, () -> ApiTokenSource.resolve(home, Map.of()));
    assertEquals(
        "the API token file "
            + home.resolve("api-token")
            + " is empty; delete it to have a new one made, or set SHIPRUN_API_TOKEN",
        e.getMessage());
  }
}
