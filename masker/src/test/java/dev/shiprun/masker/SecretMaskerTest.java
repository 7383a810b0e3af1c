package dev.shiprun.masker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

  @Test
  void masksEveryOccurrenceOfEverySecret() {
    SecretMasker masker = new SecretMasker(List.of("made-up-pass", "fake-token-42"));

    assertEquals(
        "login *** with *** and *** again",
        masker.mask("login made-up-pass with fake-token-42 and made-up-pass again"));
  }

  @Test
  void leavesTextWithoutSecretsAlone() {
    SecretMasker masker = new SecretMasker(List.of("made-up-pass"));

    assertEquals(
        "made-up-pas made-up-pas$ made-up", masker.mask("made-up-pas made-up-pas$ made-up"));
    assertEquals("anything", new SecretMasker(List.of()).mask("anything"));
  }

  @Test
  void leavesValuesShorterThanFourCharactersAndCountsThem() {
    SecretMasker masker = new SecretMasker(List.of("abc", "xyz", "abc", "", "wxyz", "\n12\n"));

    assertEquals("abc *** 12", masker.mask("abc wxyz 12"));
    assertEquals(3, masker.unmasked()); // abc once, xyz, and 12 once its line ends are trimmed
    assertFalse(SecretMasker.maskable("abc"));
    assertFalse(SecretMasker.maskable("ab\n"));
    assertFalse(SecretMasker.maskable("😀😀😀")); // three characters, though six chars in Java
    assertTrue(SecretMasker.maskable("abcd"));
    assertTrue(SecretMasker.maskable("日本語だ"));
  }

  @Test
  void masksASecretThatContainsAnotherWhole() {
    SecretMasker masker = new SecretMasker(List.of("made-up", "made-up-pass-word"));

    assertEquals("[***] [***]", masker.mask("[made-up-pass-word] [made-up]"));
  }

  @Test
  void masksTheUnionOfOverlappingSecrets() {
    SecretMasker masker = new SecretMasker(List.of("alpha-beta", "beta-gamma", "gamma-delta"));

    assertEquals("<***>", masker.mask("<alpha-beta-gamma>"));
    assertEquals("<***>", masker.mask("<alpha-beta-gamma-delta>"));
    assertEquals("<***-***>", masker.mask("<alpha-beta-beta-gamma>"));
  }

  @Test
  void showsTwoSecretsSideBySideAsTwoMasks() {
    SecretMasker masker = new SecretMasker(List.of("made-up-pass"));

    assertEquals("twice ******", masker.mask("twice made-up-passmade-up-pass"));
  }

  @Test
  void masksEachLineOfAMultiLineSecretButNeverALineEnd() {
    String key = "-----BEGIN FAKE KEY-----\nbm90IGEgcmVhbCBrZXk=\n-----END FAKE KEY-----\n";
    SecretMasker masker = new SecretMasker(List.of(key));

    assertEquals("key:\n***\n***\n***\ndone", masker.mask("key:\n" + key + "done"));
    assertEquals("only *** here", masker.mask("only bm90IGEgcmVhbCBrZXk= here"));
  }

  @Test
  void masksASecretAddedLater() {
    SecretMasker masker = new SecretMasker(List.of("made-up-pass"));
    masker.add("registered-later");

    assertEquals("*** and ***", masker.mask("made-up-pass and registered-later"));
  }

  @Test
  void treatsRegexAndReplacementCharactersAsText() {
    SecretMasker masker = new SecretMasker(List.of("a.b*c$1\\E(?i)", "$0$1\\"));

    assertEquals("x *** y *** z axbbc", masker.mask("x a.b*c$1\\E(?i) y $0$1\\ z axbbc"));
  }
}
