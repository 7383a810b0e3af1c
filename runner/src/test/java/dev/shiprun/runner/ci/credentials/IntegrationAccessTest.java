package dev.shiprun.runner.ci.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.model.integration.Secret;
import dev.shiprun.runner.ci.CiCredentials.CiAccess;
import dev.shiprun.runner.ci.CiText;
import dev.shiprun.runner.ci.SeamContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrationAccessTest {

  static final String PRIVATE_KEY =
      "-----BEGIN OPENSSH PRIVATE KEY-----\nmade-up-private-key\n-----END OPENSSH PRIVATE KEY-----";

  @TempDir Path dir;
  SeamContext context;

  static Integration integration(String name, String type, Map<String, FieldValue> fields) {
    return new Integration(
        name,
        IntegrationTypes.builtIn().find(type).orElseThrow(),
        fields,
        SourceLocation.ofFile("integrations.yml"));
  }

  static Integration registry(String name) {
    return integration(
        name,
        "dockerRegistryLogin",
        Map.of(
            "url", new FieldValue.Text("http://127.0.0.1:5000"),
            "username", new FieldValue.Text("ana"),
            "password", new FieldValue.Hidden(new Secret("made-up-password"))));
  }

  static Integration sshKey(String name, String privateKey) {
    return integration(
        name,
        "sshKey",
        Map.of(
            "publicKey", new FieldValue.Text("ssh-ed25519 AAAA made-up"),
            "privateKey", new FieldValue.Hidden(new Secret(privateKey))));
  }

  @BeforeEach
  void setUp() {
    context =
        new SeamContext(dir.resolve("job"))
            .integration(registry("prod-registry"))
            .integration(registry("dev-registry"))
            .integration(sshKey("deploy-key", PRIVATE_KEY))
            .integration(
                integration(
                    "app-settings",
                    "keyValuePair",
                    Map.of(
                        "envs",
                        new FieldValue.Entries(
                            Map.of(
                                "api-token",
                                new Secret("made-up-token"),
                                "REGION",
                                new Secret("eu"))))));
  }

  private CiAccess prepare(String yaml, String branch) {
    return new IntegrationAccess().prepare(context, CiText.read(yaml), branch);
  }

  @Test
  void hubIntegrationsWhoseBranchesMatchAreLoggedInBeforeAnythingElse() {
    CiAccess access =
        prepare(
            """
            integrations:
              hub:
                - integrationName: prod-registry
                  branches: {only: [master]}
                - integrationName: dev-registry
                  branches: {except: [master]}
            """,
            "master");

    assertEquals(Optional.empty(), access.problem());
    assertEquals(List.of("prod-registry"), context.loggedIn());
    assertEquals(
        List.of(
            "integrations.hub entry 'dev-registry' is not used: branch master is not in its branches",
            "registry login: registry.test with integration prod-registry"),
        context.said());
  }

  @Test
  void anUnknownIntegrationOrOneOfAnotherTypeStopsTheBuildNamingEachAndLogsInToNothing() {
    CiAccess access =
        prepare(
            """
            integrations:
              hub:
                - integrationName: prod-registry
                - integrationName: deploy-key
              generic:
                - integrationName: no-such
            """,
            "master");

    assertEquals(
        Optional.of(
            "integrations.hub entry 'deploy-key' (shippable.yml:4:7) is of type sshKey;"
                + " integrations.hub takes a Docker Registry integration; "
                + "integrations.generic entry 'no-such' (shippable.yml:6:7) names no integration"
                + " of this node; add it with 'shiprun integration add'"),
        access.problem());
    assertEquals(List.of(), context.loggedIn());
  }

  @Test
  void keyValueIntegrationsBecomeMaskedVariablesRawAndPrefixed() {
    CiAccess access =
        prepare("integrations:\n  generic:\n    - integrationName: app-settings\n", "master");

    assertEquals("made-up-token", access.variables().get("apitoken"));
    assertEquals("made-up-token", access.variables().get("APPSETTINGS_INTEGRATION_APITOKEN"));
    assertEquals("eu", access.variables().get("REGION"));
    assertTrue(
        context.secrets().containsAll(List.of("made-up-token", "eu")),
        () -> context.secrets().toString());
  }

  @Test
  void keysArePrivateFilesOfTheBuildFolderCopiedToTmpSshInTheContainer() throws Exception {
    CiAccess access =
        prepare("integrations:\n  key:\n    - integrationName: deploy-key\n", "master");

    Path keys = context.buildFolder().resolve("secrets/ci-keys");
    assertEquals(PRIVATE_KEY + "\n", Files.readString(keys.resolve("deploy-key")));
    assertEquals("ssh-ed25519 AAAA made-up\n", Files.readString(keys.resolve("deploy-key.pub")));
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("deploy-key"))));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
    assertEquals("/tmp/ssh/deploy-key", access.variables().get("DEPLOYKEY_KEYPATH"));
    assertTrue(context.secrets().contains(PRIVATE_KEY));
    assertTrue(access.containerLines().get(0).startsWith("mkdir -p /tmp/ssh"), access::toString);
    assertTrue(access.mounts().isEmpty(), "the build folder is mounted already");
  }
}
