package dev.shiprun.model.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code <NAME>} rule of spec §3.1/§9, which every variable prefix depends on. */
class EnvNamesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "my-key-1   | MYKEY1",
        "my_key_1   | MY_KEY_1",
        "7-params   | PARAMS",
        "1-app      | APP",
        "123abc456  | ABC456",
        "app-image  | APPIMAGE",
        "App.Image  | APPIMAGE",
        "_private   | _PRIVATE",
        "9_lives    | _LIVES",
      })
  void upperCasesKeepsLettersDigitsUnderscoresAndDropsLeadingDigits(String name, String env) {
    assertEquals(env, EnvNames.of(name.strip()));
  }

  @Test
  void dropsSpacesAndEveryOtherCharacterOutsideAsciiLettersDigitsAndUnderscore() {
    assertEquals("MYAPP", EnvNames.of("my app"));
    assertEquals("MYAPP", EnvNames.of(" my\tapp\n"));
    assertEquals("CAFAPP", EnvNames.of("café-app"));
    assertEquals("GRE", EnvNames.of("größe"));
    assertEquals("APP", EnvNames.of("🚀app"));
    // full-width letters and non-ASCII digits are not [A-Za-z0-9]
    assertEquals("", EnvNames.of("ＡＢＣ"));
    assertEquals("APP", EnvNames.of("٣app"));
  }

  @Test
  void namesWithNothingLeftBecomeEmpty() {
    assertEquals("", EnvNames.of("--"));
    assertEquals("", EnvNames.of("2024"));
    assertEquals("", EnvNames.of("12-34"));
    assertEquals("", EnvNames.of(""));
  }

  @Test
  void upperCasesTheSameWayWhateverTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR")); // 'i' upper-cases to 'İ' in Turkish
      assertEquals("IMAGE", EnvNames.of("image"));
      assertEquals("INTEGRATION", EnvNames.field("integration"));
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void fieldNamesKeepTheirLeadingDigits() {
    assertEquals("JSON_KEY", EnvNames.field("JSON_key"));
    assertEquals("USERNAME", EnvNames.field("username"));
    assertEquals("1STKEY", EnvNames.field("1st-key"));
    assertEquals("2FA_CODE", EnvNames.field("2fa_code"));
  }

  @Test
  void sanitizeKeepsCase() {
    assertEquals("myKey_1", EnvNames.sanitize("my-Key_1!"));
    assertEquals("", EnvNames.sanitize("-+ ."));
  }

  @Test
  void tellsWhenANameLosesLeadingDigits() {
    assertTrue(EnvNames.losesLeadingDigits("7-params"));
    assertTrue(EnvNames.losesLeadingDigits("-7params"), "digits first once punctuation is gone");
    assertTrue(EnvNames.losesLeadingDigits("2024"));
    assertFalse(EnvNames.losesLeadingDigits("params-7"));
    assertFalse(EnvNames.losesLeadingDigits("--"));
    assertFalse(EnvNames.losesLeadingDigits(""));
  }

  @Test
  void differentNamesCanShareAnEnvironmentName() {
    // the reason for AL113: both would write APP1_PATH, APP1_STATE …
    assertEquals(EnvNames.of("app-1"), EnvNames.of("app1"));
    assertEquals(EnvNames.of("app_1"), "APP_1");
  }
}
