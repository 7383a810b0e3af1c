package dev.shiprun.runner.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.integration.IntegrationTypes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureValuesTest {

  private static final String PAIRS = "DEPLOY_TOKEN=made-up-token-4711\nREGION=eu-1\n";

  @TempDir Path home;
  @TempDir Path otherHome;

  private IntegrationStore store(Path at) {
    return new IntegrationStore(at, Optional.empty(), IntegrationTypes.builtIn());
  }

  private static Map<String, String> opened(SecureValueReader.Opening opening) {
    SecureValueReader.Opened o = assertInstanceOf(SecureValueReader.Opened.class, opening);
    Map<String, String> out = new LinkedHashMap<>();
    o.pairs().forEach((k, v) -> out.put(k, v.reveal()));
    return out;
  }

  private static String why(SecureValueReader.Opening opening) {
    return assertInstanceOf(SecureValueReader.Unreadable.class, opening).why();
  }

  @Test
  void aBlobOpensToItsPairsAndNothingOfThemIsReadableInTheBlobOrTheHome() throws Exception {
    String blob = store(home).encrypt(PAIRS);

    assertTrue(blob.startsWith("shiprun:v1:"), blob);
    assertFalse(blob.contains("made-up-token-4711"));
    assertEquals(
        Map.of("DEPLOY_TOKEN", "made-up-token-4711", "REGION", "eu-1"),
        opened(store(home).secureValues().open(blob)));
    assertNotEquals(blob, store(home).encrypt(PAIRS), "a fresh nonce each time");
    try (Stream<Path> files = Files.walk(home)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("made-up-token-4711"), f.toString());
      }
    }
  }

  @Test
  void aTamperedBlobIsDamagedNeverGarbage() {
    String blob = store(home).encrypt(PAIRS);
    String data = blob.substring(blob.lastIndexOf(':') + 1);
    byte[] bytes = Base64.getDecoder().decode(data);
    bytes[bytes.length / 2] ^= 1;
    String tampered =
        blob.substring(0, blob.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(bytes);

    assertTrue(why(store(home).secureValues().open(tampered)).startsWith("it is damaged"));
    assertTrue(
        why(store(home).secureValues().open(blob.substring(0, blob.length() - 8)))
            .startsWith("it is damaged"));
    assertTrue(
        why(store(home).secureValues().open("shiprun:v1:nodata")).startsWith("it is damaged"));
  }

  @Test
  void anotherHomesBlobSaysSoAndAHomeWithoutAKeySaysSo() {
    String mine = store(home).encrypt(PAIRS);

    assertTrue(
        why(store(otherHome).secureValues().open(mine))
            .contains("has no key for encrypted values"));
    store(otherHome).encrypt("A=1");
    String why = why(store(otherHome).secureValues().open(mine));
    assertTrue(why.startsWith("it was encrypted by another shiprun home"), why);
    assertFalse(why.contains("made-up"), why);
  }

  @Test
  void blobsStillOpenAfterRotateKeyWhichReWrapsTheirKey() throws Exception {
    assertFalse(store(home).holdsValuesKey());
    String blob = store(home).encrypt(PAIRS);
    assertTrue(store(home).holdsValuesKey());
    String masterBefore = Files.readString(home.resolve("master.key"));

    store(home).rotate(Optional.empty());

    assertNotEquals(masterBefore, Files.readString(home.resolve("master.key")));
    assertEquals("eu-1", opened(store(home).secureValues().open(blob)).get("REGION"));
    // The replaced master key does not open the home: the values key is wrapped by the new one.
    IntegrationStore old =
        new IntegrationStore(home, Optional.of(masterBefore.strip()), IntegrationTypes.builtIn());
    assertTrue(why(old.secureValues().open(blob)).contains("master key"));
  }

  @Test
  void blobsStillOpenAfterRotatingAKeyFromTheEnvironment() {
    String first = Base64.getEncoder().encodeToString(new byte[32]);
    byte[] second = new byte[32];
    second[0] = 9;
    String next = Base64.getEncoder().encodeToString(second);
    String blob =
        new IntegrationStore(home, Optional.of(first), IntegrationTypes.builtIn()).encrypt(PAIRS);

    new IntegrationStore(home, Optional.of(first), IntegrationTypes.builtIn())
        .rotate(Optional.of(next));

    assertEquals(
        "made-up-token-4711",
        opened(
                new IntegrationStore(home, Optional.of(next), IntegrationTypes.builtIn())
                    .secureValues()
                    .open(blob))
            .get("DEPLOY_TOKEN"));
  }

  @Test
  void integrationsAndValuesShareTheMasterKey() {
    store(home).encrypt(PAIRS);
    // A later integration uses the key the values key was wrapped with, not a new one.
    assertEquals(0, store(home).load().size());
    assertEquals(0, store(home).rotate(Optional.empty()));
  }

  @Test
  void pairsAreKeyEqualsValueLinesAndABadLineIsNamedByNumberOnly() {
    assertEquals(Map.of("A", "1=2", "B", ""), SecurePairs.parse("A=1=2\r\n\nB=\n"));
    IntegrationInputException e =
        assertThrows(
            IntegrationInputException.class, () -> SecurePairs.parse("A=1\nmade-up-secret\n"));
    assertTrue(e.getMessage().startsWith("line 2 is not KEY=value"), e.getMessage());
    assertFalse(e.getMessage().contains("made-up-secret"));
  }
}
