package dev.shiprun.runner.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.model.integration.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrationStoreTest {

  private static final String PASSWORD = "made-up-Passw0rd-\"$`'\n2nd line";
  private static final String TOKEN = "made-up-kv-token-9876";

  @TempDir Path home;

  private IntegrationStore store() {
    return new IntegrationStore(home, Optional.empty(), IntegrationTypes.builtIn());
  }

  private static Integration docker(String name, String password) {
    Map<String, FieldValue> fields = new LinkedHashMap<>();
    fields.put("url", new FieldValue.Text("https://registry.example.com:5000"));
    fields.put("username", new FieldValue.Text("alice"));
    fields.put("password", new FieldValue.Hidden(new Secret(password)));
    fields.put("email", new FieldValue.Text("alice@example.com"));
    return new Integration(
        name, IntegrationTypes.DOCKER_REGISTRY, fields, SourceLocation.ofFile("cli"));
  }

  private static Integration keyValue() {
    return new Integration(
        "team-env",
        IntegrationTypes.builtIn().find("keyValuePair").orElseThrow(),
        Map.of("envs", new FieldValue.Entries(Map.of("DEPLOY_TOKEN", new Secret(TOKEN)))),
        SourceLocation.ofFile("cli"));
  }

  private static String reveal(Integration i, String field) {
    return ((FieldValue.Hidden) i.fields().get(field)).value().reveal();
  }

  /** Every byte under the home, as text: what a grep of the folder would see. */
  private String everything() throws Exception {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(home)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).append('\n');
      }
    }
    return all.toString();
  }

  @Test
  void storedIntegrationsComeBackWithTheirSecretsAndNothingIsReadableOnDisk() throws Exception {
    store().put(docker("hub-creds", PASSWORD), false);
    store().put(keyValue(), false);

    Map<String, Integration> loaded = store().load();
    assertEquals(PASSWORD, reveal(loaded.get("hub-creds"), "password"));
    assertEquals(
        "alice", ((FieldValue.Text) loaded.get("hub-creds").fields().get("username")).value());
    assertEquals(
        TOKEN,
        ((FieldValue.Entries) loaded.get("team-env").fields().get("envs"))
            .values()
            .get("DEPLOY_TOKEN")
            .reveal());

    String disk = everything();
    assertFalse(disk.contains(PASSWORD), "the password is on disk");
    assertFalse(disk.contains("made-up-Passw0rd"), "part of the password is on disk");
    assertFalse(disk.contains(TOKEN), "the token is on disk");
    String b64 = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
    assertFalse(disk.contains(b64), "the password's base64 is on disk");
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("master.key"))));
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(home.resolve("integrations.json"))));
  }

  @Test
  void describeShowsPlainFieldsAndHidesSecretsWithoutTheKey() throws Exception {
    store().put(docker("hub-creds", PASSWORD), false);
    store().put(keyValue(), false);
    Files.delete(home.resolve("master.key"));
    Map<String, IntegrationStore.Described> d = store().describe();
    assertEquals("dockerRegistryLogin", d.get("hub-creds").type());
    assertEquals("alice", d.get("hub-creds").fields().get("username"));
    assertEquals("***", d.get("hub-creds").fields().get("password"));
    assertEquals("{DEPLOY_TOKEN: ***}", d.get("team-env").fields().get("envs"));
  }

  @Test
  void aMissingOrWrongKeyIsAClearErrorNeverGarbage() throws Exception {
    store().put(docker("hub-creds", PASSWORD), false);
    byte[] key = Files.readAllBytes(home.resolve("master.key"));

    Files.delete(home.resolve("master.key"));
    IntegrationStoreException missing =
        assertThrows(IntegrationStoreException.class, () -> store().load());
    assertTrue(
        missing.getMessage().contains("there is no master key: restore"), missing.getMessage());

    String other = Base64.getEncoder().encodeToString(new byte[32]);
    IntegrationStore wrong =
        new IntegrationStore(home, Optional.of(other), IntegrationTypes.builtIn());
    IntegrationStoreException e = assertThrows(IntegrationStoreException.class, wrong::load);
    assertTrue(e.getMessage().contains("were encrypted with master key"), e.getMessage());
    assertTrue(e.getMessage().contains("SHIPRUN_MASTER_KEY holds key"), e.getMessage());

    IntegrationStore garbage =
        new IntegrationStore(home, Optional.of("not-a-key"), IntegrationTypes.builtIn());
    IntegrationStoreException bad = assertThrows(IntegrationStoreException.class, garbage::load);
    assertTrue(bad.getMessage().contains("is not base64 of 32 bytes"), bad.getMessage());

    Files.write(home.resolve("master.key"), key);
    assertEquals(PASSWORD, reveal(store().load().get("hub-creds"), "password"));
  }

  @Test
  void aValueMovedToAnotherIntegrationDoesNotOpen() throws Exception {
    store().put(docker("one", "made-up-one"), false);
    store().put(docker("two", "made-up-two"), false);
    ObjectMapper json = new ObjectMapper();
    Path file = home.resolve("integrations.json");
    ObjectNode doc = (ObjectNode) json.readTree(file.toFile());
    ObjectNode one = (ObjectNode) doc.get("integrations").get("one").get("fields").get("password");
    ObjectNode two = (ObjectNode) doc.get("integrations").get("two").get("fields").get("password");
    one.put("sealed", two.get("sealed").asText());
    json.writeValue(file.toFile(), doc);
    IntegrationStoreException e =
        assertThrows(IntegrationStoreException.class, () -> store().load());
    assertTrue(
        e.getMessage().startsWith("field 'password' of integration 'one' does not decrypt"),
        e.getMessage());
    assertFalse(e.getMessage().contains("made-up"), e.getMessage());
  }

  @Test
  void replaceAndRemove() {
    store().put(docker("hub-creds", PASSWORD), false);
    IntegrationStoreException e =
        assertThrows(
            IntegrationStoreException.class,
            () -> store().put(docker("hub-creds", "made-up-new"), false));
    assertTrue(e.getMessage().contains("pass --replace"), e.getMessage());
    store().put(docker("hub-creds", "made-up-new"), true);
    assertEquals("made-up-new", reveal(store().load().get("hub-creds"), "password"));
    assertTrue(store().remove("hub-creds"));
    assertFalse(store().remove("hub-creds"));
    assertEquals(Map.of(), store().load());
  }

  @Test
  void rotateKeyReEncryptsEverythingUnderANewKey() throws Exception {
    store().put(docker("hub-creds", PASSWORD), false);
    store().put(keyValue(), false);
    String before = Files.readString(home.resolve("master.key"));
    String sealedBefore = Files.readString(home.resolve("integrations.json"));

    assertEquals(2, store().rotate(Optional.empty()));

    assertNotEquals(before, Files.readString(home.resolve("master.key")));
    assertNotEquals(sealedBefore, Files.readString(home.resolve("integrations.json")));
    assertFalse(Files.exists(home.resolve("master.key.next")));
    assertEquals(PASSWORD, reveal(store().load().get("hub-creds"), "password"));
    IntegrationStore old =
        new IntegrationStore(home, Optional.of(before.strip()), IntegrationTypes.builtIn());
    assertThrows(IntegrationStoreException.class, old::load);
  }

  @Test
  void aRotationInterruptedBeforeTheKeyFileMovedIsFinishedByTheNextRead() throws Exception {
    store().put(docker("hub-creds", PASSWORD), false);
    Path key = home.resolve("master.key");
    String old = Files.readString(key);
    store().rotate(Optional.empty());
    // Put the state back to "integrations re-encrypted, new key still beside the old one".
    Files.move(key, home.resolve("master.key.next"));
    Files.writeString(key, old);

    assertEquals(PASSWORD, reveal(store().load().get("hub-creds"), "password"));
    assertFalse(Files.exists(home.resolve("master.key.next")));
    assertNotEquals(old, Files.readString(key));
  }

  @Test
  void aKeyFromTheEnvironmentRotatesToTheOneTheUserGives() {
    String first = Base64.getEncoder().encodeToString(new byte[32]);
    byte[] second = new byte[32];
    second[0] = 7;
    String next = Base64.getEncoder().encodeToString(second);
    IntegrationStore envStore =
        new IntegrationStore(home, Optional.of(first), IntegrationTypes.builtIn());
    envStore.put(docker("hub-creds", PASSWORD), false);
    assertFalse(Files.exists(home.resolve("master.key")), "no key file when the key is given");
    IntegrationStoreException e =
        assertThrows(IntegrationStoreException.class, () -> envStore.rotate(Optional.empty()));
    assertTrue(e.getMessage().contains("SHIPRUN_NEW_MASTER_KEY"), e.getMessage());
    envStore.rotate(Optional.of(next));
    IntegrationStore after =
        new IntegrationStore(home, Optional.of(next), IntegrationTypes.builtIn());
    assertEquals(PASSWORD, reveal(after.load().get("hub-creds"), "password"));
  }
}
