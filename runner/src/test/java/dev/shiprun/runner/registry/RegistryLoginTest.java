package dev.shiprun.runner.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.model.integration.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryLoginTest {

  private static final String PASSWORD = "made-up-login-Passw0rd";

  private static Integration dockerRegistry(String url) {
    Map<String, FieldValue> fields = new LinkedHashMap<>();
    if (url != null) {
      fields.put("url", new FieldValue.Text(url));
    }
    fields.put("username", new FieldValue.Text("bob"));
    fields.put("password", new FieldValue.Hidden(new Secret(PASSWORD)));
    return new Integration(
        "my-registry", IntegrationTypes.DOCKER_REGISTRY, fields, SourceLocation.ofFile("i.yml"));
  }

  private static String key(String url) {
    return new RegistryLogin(url, "bob", new Secret(PASSWORD), "").registryKey();
  }

  @Test
  void anIntegrationWithoutUrlLogsInToDockerHub() {
    for (String url : new String[] {null, ""}) {
      RegistryLogin login = RegistryLogin.of(dockerRegistry(url));
      assertEquals(IntegrationTypes.DOCKER_HUB_URL, login.url());
      assertEquals("https://index.docker.io/v1/", login.registryKey());
      assertEquals("bob", login.username());
      assertEquals(PASSWORD, login.password().reveal());
      assertEquals("", login.email());
    }
  }

  @Test
  void theKeyIsHostPortAndPathWithoutTheScheme() {
    assertEquals("registry.example.com", key("https://registry.example.com"));
    assertEquals("registry.example.com", key("https://Registry.Example.com/"));
    assertEquals("127.0.0.1:5000", key("http://127.0.0.1:5000"));
    assertEquals("registry.example.com:8443/team", key("https://registry.example.com:8443/team/"));
    assertEquals("[::1]:5000", key("http://[::1]:5000"));
    assertEquals("my_registry.local", key("https://my_registry.local"));
  }

  @Test
  void everyNameOfDockerHubHasItsLegacyKey() {
    assertEquals("https://index.docker.io/v1/", key("https://index.docker.io/v1/"));
    assertEquals("https://index.docker.io/v1/", key("https://docker.io"));
    assertEquals("https://index.docker.io/v1/", key("https://registry-1.docker.io"));
  }

  @Test
  void theApiIsAtTheRootOfTheHostAndDockerHubsAtRegistry1() {
    assertEquals(
        "https://registry.example.com:8443",
        RegistryAddress.parse("https://registry.example.com:8443/team/").apiBase().toString());
    assertEquals(
        "https://registry-1.docker.io",
        RegistryAddress.parse(IntegrationTypes.DOCKER_HUB_URL).apiBase().toString());
  }

  @Test
  void thePasswordNeverPrints() {
    RegistryLogin login = RegistryLogin.of(dockerRegistry("https://registry.example.com"));
    assertFalse(login.toString().contains(PASSWORD), login.toString());
    assertTrue(login.toString().contains("password=***"), login.toString());
  }

  @Test
  void refusesOtherIntegrationTypesAndUnusableValues() {
    Integration github =
        new Integration(
            "gh",
            IntegrationTypes.builtIn().find("github").orElseThrow(),
            Map.of("token", new FieldValue.Hidden(new Secret(PASSWORD))),
            SourceLocation.ofFile("i.yml"));
    IllegalArgumentException wrongType =
        assertThrows(IllegalArgumentException.class, () -> RegistryLogin.of(github));
    assertEquals("integration 'gh' is a github, not a dockerRegistryLogin", wrongType.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new RegistryLogin("ftp://registry.example.com", "bob", new Secret(PASSWORD), ""));
    IllegalArgumentException colon =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new RegistryLogin("https://registry.example.com", "a:b", new Secret(PASSWORD), ""));
    assertTrue(colon.getMessage().contains("cannot contain ':'"), colon.getMessage());
  }
}
