package dev.shiprun.runner.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.integration.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerAuthFileTest {

  private static final String PASSWORD = "made-up-Pa55word-for-auth-file";

  @TempDir Path temp;

  private final ObjectMapper json = new ObjectMapper();
  private final DockerAuthFile authFile = new DockerAuthFile(json);

  private static RegistryLogin login(String url, String user, String password, String email) {
    return new RegistryLogin(url, user, new Secret(password), email);
  }

  /** The file for one login of user bob to {@code url}. */
  private Path writeOne(Path dir, String url) throws IOException {
    return authFile.write(dir, List.of(login(url, "bob", PASSWORD, "")));
  }

  private static String decode(JsonNode entry) {
    return new String(
        Base64.getDecoder().decode(entry.get("auth").asText()), StandardCharsets.UTF_8);
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void writesTheFileOwnerOnlyInAnOwnerOnlyFolder() throws IOException {
    Path dir = temp.resolve("run/docker");
    Path file = writeOne(dir, "https://registry.example.com");
    assertEquals(dir.resolve("config.json"), file);
    assertEquals("rwx------", mode(dir));
    assertEquals("rw-------", mode(file));
  }

  @Test
  void makesAnExistingFolderOwnerOnly() throws IOException {
    Path dir =
        Files.createDirectories(
            temp.resolve("open"),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    writeOne(dir, "https://registry.example.com");
    assertEquals("rwx------", mode(dir));
  }

  @Test
  void holdsOnlyAnAuthsEntryPerRegistryWithAuthAndEmail() throws IOException {
    Path file =
        authFile.write(
            temp.resolve("d"),
            List.of(
                login("", "hubuser", PASSWORD, "hub@example.com"),
                login("https://registry.example.com:5000/team/", "bob", "p:w", "")));
    JsonNode root = json.readTree(file.toFile());
    assertEquals(List.of("auths"), names(root));
    JsonNode auths = root.get("auths");
    assertEquals(
        List.of("https://index.docker.io/v1/", "registry.example.com:5000/team"), names(auths));
    JsonNode hub = auths.get("https://index.docker.io/v1/");
    assertEquals(List.of("auth", "email"), names(hub));
    assertEquals("hubuser:" + PASSWORD, decode(hub));
    assertEquals("hub@example.com", hub.get("email").asText());
    JsonNode team = auths.get("registry.example.com:5000/team");
    assertEquals(List.of("auth"), names(team), "no email given, none written");
    assertEquals("bob:p:w", decode(team));
  }

  @Test
  void theLastLoginForARegistryWins() throws IOException {
    Path file =
        authFile.write(
            temp.resolve("d"),
            List.of(
                login("https://registry.example.com", "first", "first-password", ""),
                login("https://other.example.com", "other", "other-password", ""),
                login("https://REGISTRY.example.com/", "last", "last-password", "")));
    JsonNode auths = json.readTree(file.toFile()).get("auths");
    assertEquals(2, auths.size());
    assertEquals("last:last-password", decode(auths.get("registry.example.com")));
  }

  @Test
  void aSecondWriteReplacesTheFileAndLeavesNothingBeside() throws IOException {
    Path dir = temp.resolve("d");
    writeOne(dir, "https://one.example.com");
    Path file = writeOne(dir, "https://two.example.com");
    assertEquals(List.of("two.example.com"), names(json.readTree(file.toFile()).get("auths")));
    assertEquals(List.of(file), list(dir));
    assertEquals("rw-------", mode(file));
  }

  @Test
  void deleteRemovesTheFileAndItsFolder() throws IOException {
    Path dir = temp.resolve("d");
    writeOne(dir, "https://one.example.com");
    Files.writeString(dir.resolve(".config.json.123.tmp"), "left by a write that died");
    authFile.delete(dir);
    assertFalse(Files.exists(dir));
    authFile.delete(dir); // nothing there: fine
  }

  @Test
  void deleteKeepsTheFolderWhenAToolPutOtherFilesThere() throws IOException {
    Path dir = temp.resolve("d");
    writeOne(dir, "https://one.example.com");
    Path other = Files.writeString(dir.resolve("buildx.json"), "{}");
    authFile.delete(dir);
    assertEquals(List.of(other), list(dir));
  }

  @Test
  void skopeoPushesWithTheFileAsRegistryAuthFileAndReadsWithItsFolderAsDockerConfig()
      throws IOException {
    try (TestRegistry registry = TestRegistry.start(temp.resolve("registry"))) {
      TestImage image = TestImage.write(temp.resolve("layout"), "1");
      Path dir = temp.resolve("job/docker");
      Path file = authFile.write(dir, List.of(registry.login()));
      Skopeo skopeo = new Skopeo(temp.resolve("home"));
      String target = "docker://" + registry.hostPort() + "/test/app:1";

      Tool.Result push =
          skopeo.run(
              Map.of("REGISTRY_AUTH_FILE", file.toString()),
              "copy",
              "--dest-tls-verify=false",
              image.reference(),
              target);
      assertTrue(push.ok(), push.output() + registry.log());

      Tool.Result inspect =
          skopeo.run(
              Map.of("DOCKER_CONFIG", dir.toString()), "inspect", "--tls-verify=false", target);
      assertTrue(inspect.ok(), inspect.output());
      assertEquals(image.manifestDigest(), json.readTree(inspect.output()).get("Digest").asText());
    }
  }

  @Test
  void skopeoWithoutTheFileOrWithAWrongPasswordIsUnauthorized() throws IOException {
    try (TestRegistry registry = TestRegistry.start(temp.resolve("registry"))) {
      TestImage image = TestImage.write(temp.resolve("layout"), "1");
      Skopeo skopeo = new Skopeo(temp.resolve("home"));
      String target = "docker://" + registry.hostPort() + "/test/app:1";

      Tool.Result anonymous =
          skopeo.run(Map.of(), "copy", "--dest-tls-verify=false", image.reference(), target);
      assertFalse(anonymous.ok());
      assertTrue(anonymous.output().contains("unauthorized"), anonymous.output());

      Path dir = temp.resolve("job/docker");
      authFile.write(dir, List.of(registry.login("made-up-wrong-password")));
      Tool.Result wrong =
          skopeo.run(
              Map.of("DOCKER_CONFIG", dir.toString()),
              "copy",
              "--dest-tls-verify=false",
              image.reference(),
              target);
      assertFalse(wrong.ok());
      assertTrue(wrong.output().contains("unauthorized"), wrong.output());
      assertFalse(wrong.output().contains("made-up-wrong-password"), wrong.output());
    }
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.toList();
    }
  }
}
