package dev.shiprun.runner.daemon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class ApiTokenTest {

  private static final String MADE_UP = "made-up-test-token-0123456789";

  @Test
  void matchesOnlyTheSameText() {
    ApiToken token = ApiToken.of(MADE_UP);
    assertTrue(token.matches(MADE_UP));
    assertFalse(token.matches(MADE_UP + "x"), "longer");
    assertFalse(token.matches(MADE_UP.substring(0, 10)), "a prefix");
    assertFalse(token.matches(MADE_UP.toUpperCase()), "other case");
    assertFalse(token.matches(""));
    assertFalse(token.matches(null));
  }

  @Test
  void ignoresTheLineEndOfAFileOrVariable() {
    assertTrue(ApiToken.of(MADE_UP + "\n").matches(MADE_UP));
  }

  @Test
  void refusesAnEmptyToken() {
    assertThrows(IllegalArgumentException.class, () -> ApiToken.of("  \n"));
  }

  @Test
  void neverPrintsItself() {
    assertEquals("***", ApiToken.of(MADE_UP).toString());
    assertFalse(String.valueOf(ApiToken.of(MADE_UP)).contains(MADE_UP));
  }

  @Test
  void aRandomTokenIs32BytesOfBase64Url() {
    String text = ApiToken.random().reveal();
    assertEquals(43, text.length(), text.length() + " characters");
    assertTrue(text.matches("[A-Za-z0-9_-]+"), "URL-safe, no padding");
    assertEquals(32, Base64.getUrlDecoder().decode(text).length);
    assertNotEquals(text, ApiToken.random().reveal());
  }
}
