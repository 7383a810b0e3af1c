package dev.shiprun.runner.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.model.integration.Secret;
import dev.shiprun.runner.registry.RegistryLogin;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which registry integrations a failed step's output points at, on what clients really print (the
 * end-to-end case with skopeo and a real registry is in RunRegistryTest).
 */
class RegistryHintTest {

  private static final Path HOME = Path.of("/home/alice/.shiprun");

  private static final SourceLocation STORED = SourceLocation.ofFile(HOME + "/integrations.json");

  private static RegistryAccess.Grant grant(String name, String url, SourceLocation at) {
    Map<String, FieldValue> fields = new LinkedHashMap<>();
    fields.put("url", new FieldValue.Text(url));
    fields.put("username", new FieldValue.Text("alice"));
    fields.put("password", new FieldValue.Hidden(new Secret("made-up-hint-Passw0rd")));
    Integration integration = new Integration(name, IntegrationTypes.DOCKER_REGISTRY, fields, at);
    return new RegistryAccess.Grant(integration, RegistryLogin.of(integration));
  }

  private static final RegistryAccess.Grant TEAM =
      grant("team-reg", "https://registry.example.com", STORED);
  private static final RegistryAccess.Grant LOCAL =
      grant("local-reg", "http://127.0.0.1:5000", STORED);
  private static final RegistryAccess.Grant HUB = grant("hub-creds", "", STORED);

  private static List<String> hint(String output, RegistryAccess.Grant... grants) {
    return new RegistryHint(List.of(grants), HOME).lines(output);
  }

  private static String stored(String name, String registry, String options) {
    return "the job's registry access came from integration '"
        + name
        + "' (registry "
        + registry
        + "); check it with: shiprun integration test "
        + name
        + options
        + " --home "
        + HOME;
  }

  @Test
  void aRefusalThatNamesARegistryPointsAtItsIntegrationAlone() {
    String skopeo =
        "time=\"…\" level=fatal msg=\"Error parsing image name \\\"docker://127.0.0.1:5000/app:1\\\":"
            + " reading manifest 1 in 127.0.0.1:5000/app: unauthorized: authentication required\"";
    assertEquals(
        List.of(stored("local-reg", "127.0.0.1:5000", " --insecure")), hint(skopeo, TEAM, LOCAL));
  }

  @Test
  void aRefusalThatNamesNoRegistryPointsAtEveryIntegrationOfTheJob() {
    String docker =
        "Error response from daemon: pull access denied for app, repository does not exist or may"
            + " require 'docker login': denied: requested access to the resource is denied";
    assertEquals(
        List.of(
            stored("team-reg", "registry.example.com", ""), stored("hub-creds", "Docker Hub", "")),
        hint(docker, TEAM, HUB));
  }

  @Test
  void dockerHubGoesByItsHostNames() {
    String podman =
        "Error: initializing source docker://docker.io/library/app:1: reading manifest 1 in"
            + " docker.io/library/app: manifest unknown";
    assertEquals(List.of(stored("hub-creds", "Docker Hub", "")), hint(podman, TEAM, HUB));
  }

  @Test
  void aConnectionErrorCountsOnlyWhereItNamesARegistryOfTheJob() {
    String registry =
        "pinging container registry registry.example.com: Get"
            + " \"https://registry.example.com/v2/\": dial tcp: lookup registry.example.com: no such"
            + " host";
    assertEquals(
        List.of(stored("team-reg", "registry.example.com", "")), hint(registry, TEAM, LOCAL));
    String database =
        "psql: error: connection to server at \"127.0.0.1\", port 5432 failed:"
            + " Connection refused";
    assertEquals(List.of(), hint(database, TEAM, LOCAL));
  }

  @Test
  void aFailureThatIsNoRegistrysGetsNoHintThoughItNamesTheRegistry() {
    String output =
        "would push to 127.0.0.1:5000/app\n./build.sh: line 1: ./make.sh: Permission denied\n"
            + "python3: PermissionError: [Errno 13] Permission denied: '/var/out'";
    assertEquals(List.of(), hint(output, LOCAL));
  }

  @Test
  void aHostIsNamedOnlyAsAWholeWord() {
    String other = "reading manifest 1 in 127.0.0.1:50001/app: connection refused";
    assertEquals(List.of(), hint(other, LOCAL));
    String longer = "dial tcp: lookup myregistry.example.com.internal: no such host";
    assertEquals(List.of(), hint(longer, TEAM));
  }

  @Test
  void theIntegrationThatWonARegistryIsTheOneNamed() {
    RegistryAccess.Grant later = grant("team-reg-2", "https://registry.example.com", STORED);
    assertEquals(
        List.of(stored("team-reg-2", "registry.example.com", "")),
        hint("registry.example.com: unauthorized", TEAM, later));
  }

  @Test
  void anIntegrationOfAFileIsNamedWithWhereItIsDefined() {
    RegistryAccess.Grant fromFile =
        grant("ci-reg", "https://registry.example.com", new SourceLocation("ci.yml", 3, 5));
    assertEquals(
        List.of(
            "the job's registry access came from integration 'ci-reg' (registry"
                + " registry.example.com), defined at ci.yml:3:5; check its username and password"
                + " there (shiprun integration test checks the integrations of a home)"),
        hint("unauthorized: authentication required", fromFile));
  }

  @Test
  void aHomeOrNameAShellWouldSplitIsQuoted() {
    RegistryAccess.Grant odd = grant("odd reg", "https://registry.example.com", STORED);
    assertEquals(
        List.of(
            "the job's registry access came from integration 'odd reg' (registry"
                + " registry.example.com); check it with: shiprun integration test 'odd reg'"
                + " --home '/tmp/my home'"),
        new RegistryHint(List.of(odd), Path.of("/tmp/my home")).lines("unauthorized"));
  }

  @Test
  void aJobWithoutRegistryAccessGetsNoHint() {
    assertEquals(List.of(), hint("unauthorized: authentication required"));
  }
}
