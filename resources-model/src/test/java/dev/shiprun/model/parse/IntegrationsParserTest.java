package dev.shiprun.model.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.DiagnosticRenderer;
import dev.shiprun.model.diagnostic.Severity;
import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.model.integration.Secret;
import dev.shiprun.model.yaml.YamlLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrationsParserTest {

  private static final String FILE = "integrations.yml";

  /** Made up for these tests; none is a real credential. */
  private static final String PASSWORD = "made-up-pass-Xq81";

  private static final String OTHER_SECRET = "made-up-secret-Vn42";

  private final IntegrationsParser parser =
      new IntegrationsParser(IntegrationTypes.builtIn(), YamlLimits.DEFAULT);

  private IntegrationsResult parse(String yaml) {
    return parse(yaml, Map.of());
  }

  private IntegrationsResult parse(String yaml, Map<String, String> environment) {
    return parser.parse(FILE, yaml.getBytes(StandardCharsets.UTF_8), environment);
  }

  private static Diagnostic only(IntegrationsResult result) {
    assertEquals(1, result.diagnostics().size(), () -> result.diagnostics().toString());
    return result.diagnostics().get(0);
  }

  private static void assertDiagnostic(
      Diagnostic d,
      Severity severity,
      DiagnosticCode code,
      String at,
      String message,
      String... hints) {
    assertEquals(severity, d.severity(), d::toString);
    assertEquals(code, d.code(), d::toString);
    assertEquals(at, d.at().toString(), d::toString);
    assertEquals(message, d.message());
    assertEquals(List.of(hints), d.hints());
  }

  private static String revealed(Integration integration, String field) {
    FieldValue value = integration.field(field).orElseThrow();
    return assertInstanceOf(FieldValue.Hidden.class, value).value().reveal();
  }

  private static String text(Integration integration, String field) {
    FieldValue value = integration.field(field).orElseThrow();
    return assertInstanceOf(FieldValue.Text.class, value).value();
  }

  // --- reading -------------------------------------------------------------------------------

  @Test
  void readsDockerRegistryIntegrationWithSecretPasswordHidden() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: hub-creds
                type: dockerRegistryLogin
                url: https://registry.example.com
                username: alice
                password: made-up-pass-Xq81
                email: alice@example.com
            """);

    assertEquals(List.of(), result.diagnostics());
    assertFalse(result.hasErrors());
    Integration hub = result.integrations().get("hub-creds");
    assertEquals("hub-creds", hub.name());
    assertEquals(IntegrationTypes.DOCKER_REGISTRY, hub.type());
    assertEquals("integrations.yml:2:5", hub.at().toString());
    assertEquals(
        List.of("url", "username", "password", "email"), List.copyOf(hub.fields().keySet()));
    assertEquals("https://registry.example.com", text(hub, "url"));
    assertEquals("alice", text(hub, "username"));
    assertEquals(PASSWORD, revealed(hub, "password"));
    assertEquals("alice@example.com", text(hub, "email"));
  }

  @Test
  void givesDockerHubAddressWhenNoUrlIsWritten() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: hub-creds
                type: dockerRegistryLogin
                username: alice
                password: made-up-pass-Xq81
            """);

    assertEquals(List.of(), result.diagnostics());
    Integration hub = result.integrations().get("hub-creds");
    assertEquals(Optional.empty(), hub.field("url"));
    assertEquals(
        new FieldValue.Text("https://index.docker.io/v1/"), hub.effectiveFields().get("url"));
  }

  @Test
  void acceptsEmptyUrlOnTypeWithDefaultAddress() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: hub-creds
                type: dockerRegistryLogin
                url: ""
                username: alice
                password: made-up-pass-Xq81
            """);

    assertEquals(List.of(), result.diagnostics());
    assertEquals(
        new FieldValue.Text(IntegrationTypes.DOCKER_HUB_URL),
        result.integrations().get("hub-creds").effectiveFields().get("url"));
  }

  @Test
  void acceptsDisplayNameAndAliasesAsTypeName() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: by-display-name
                type: Docker Registry
                username: alice
                password: made-up-pass-Xq81
              - name: by-alias
                type: docker-registry
                username: bob
                password: made-up-pass-Xq81
              - name: by-other-case
                type: DOCKERREGISTRYLOGIN
                username: carol
                password: made-up-pass-Xq81
            """);

    assertEquals(List.of(), result.diagnostics());
    assertEquals(3, result.integrations().size());
    result
        .integrations()
        .values()
        .forEach(i -> assertEquals(IntegrationTypes.DOCKER_REGISTRY, i.type()));
  }

  @Test
  void storesFieldsUnderTheTypeSpellingWhateverTheirCase() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: hub-creds
                type: dockerRegistryLogin
                URL: https://registry.example.com
                UserName: alice
                PASSWORD: made-up-pass-Xq81
            """);

    assertEquals(List.of(), result.diagnostics());
    Integration hub = result.integrations().get("hub-creds");
    assertEquals(List.of("url", "username", "password"), List.copyOf(hub.fields().keySet()));
    assertEquals("alice", text(hub, "username"));
  }

  @Test
  void readsKeyValueEnvsAsSecretEntries() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: my-kv
                type: keyValuePair
                envs:
                  FOO: bar
                  PORT: 8080
                  TOKEN: made-up-secret-Vn42
                  EMPTY:
            """);

    assertEquals(List.of(), result.diagnostics());
    FieldValue envs = result.integrations().get("my-kv").field("envs").orElseThrow();
    Map<String, Secret> values = assertInstanceOf(FieldValue.Entries.class, envs).values();
    assertEquals(
        Map.of(
            "FOO", new Secret("bar"),
            "PORT", new Secret("8080"),
            "TOKEN", new Secret(OTHER_SECRET),
            "EMPTY", new Secret("")),
        values);
  }

  @Test
  void keepsIntegrationsInFileOrderInAnUnmodifiableMap() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: zeta
                type: pemKey
                key: made-up-secret-Vn42
              - name: alpha
                type: keyValuePair
                envs: {A: b}
              - name: mid
                type: amazonKeys
                accessKey: AKIA-MADE-UP
                secretKey: made-up-secret-Vn42
            """);

    assertEquals(List.of(), result.diagnostics());
    assertEquals(List.of("zeta", "alpha", "mid"), List.copyOf(result.integrations().keySet()));
    assertThrows(UnsupportedOperationException.class, () -> result.integrations().remove("zeta"));
  }

  @Test
  void readsEveryDocumentOfTheFile() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: one
                type: pemKey
                key: made-up-secret-Vn42
            ---
            integrations:
              - name: two
                type: pemKey
                key: made-up-secret-Vn42
            """);

    assertEquals(List.of(), result.diagnostics());
    assertEquals(List.of("one", "two"), List.copyOf(result.integrations().keySet()));
  }

  @Test
  void acceptsAnEmptyIntegrationsList() {
    IntegrationsResult result = parse("integrations:\n");

    assertEquals(List.of(), result.diagnostics());
    assertEquals(Map.of(), result.integrations());
  }

  // --- ${VAR} ------------------------------------------------------------------------------------

  @Test
  void substitutesVariablesFromTheEnvironment() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: hub-creds
                type: dockerRegistryLogin
                url: https://${REGISTRY_HOST}:5000/v2
                username: ${REGISTRY_USER}
                password: ${REGISTRY_PASSWORD}
              - name: my-kv
                type: keyValuePair
                envs:
                  TOKEN: pre-${TOKEN_PART}-post
            """,
            Map.of(
                "REGISTRY_HOST",
                "registry.example.com",
                "REGISTRY_USER",
                "alice",
                "REGISTRY_PASSWORD",
                PASSWORD,
                "TOKEN_PART",
                OTHER_SECRET));

    assertEquals(List.of(), result.diagnostics());
    Integration hub = result.integrations().get("hub-creds");
    assertEquals("https://registry.example.com:5000/v2", text(hub, "url"));
    assertEquals("alice", text(hub, "username"));
    assertEquals(PASSWORD, revealed(hub, "password"));
    FieldValue envs = result.integrations().get("my-kv").field("envs").orElseThrow();
    assertEquals(
        Map.of("TOKEN", new Secret("pre-" + OTHER_SECRET + "-post")),
        assertInstanceOf(FieldValue.Entries.class, envs).values());
  }

  @Test
  void readsDoubleDollarAsLiteralDollarAndLeavesOtherDollarsAlone() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: pem
                type: pemKey
                key: a$$b $${NOT_READ} $HOME c$ ${SET}
            """,
            Map.of("SET", "x", "NOT_READ", "never", "HOME", "never"));

    assertEquals(List.of(), result.diagnostics());
    assertEquals("a$b ${NOT_READ} $HOME c$ x", revealed(result.integrations().get("pem"), "key"));
  }

  @Test
  void reportsVariableThatIsNotSet() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: hub-creds
                type: dockerRegistryLogin
                username: alice
                password: ${REGISTRY_PASSWORD}
            """);

    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL204,
        "integrations.yml:5:15",
        "integration 'hub-creds' field 'password' reads ${REGISTRY_PASSWORD}, which is not set",
        "export REGISTRY_PASSWORD before running shiprun, or write the value in the file");
    assertTrue(result.hasErrors());
    assertEquals(Optional.empty(), result.integrations().get("hub-creds").field("password"));
  }

  @Test
  void aPlanKeepsAnUnsetVariableAsWrittenWithAWarning() {
    IntegrationsResult result =
        parser
            .keepingUnsetVariables()
            .parse(
                FILE,
                """
                integrations:
                  - name: hub-creds
                    type: dockerRegistryLogin
                    url: ${REGISTRY_URL}
                    username: ${REGISTRY_USER}
                    password: ${REGISTRY_PASSWORD}
                """
                    .getBytes(StandardCharsets.UTF_8),
                Map.of("REGISTRY_USER", "alice"));

    assertFalse(result.hasErrors(), () -> result.diagnostics().toString());
    assertEquals(2, result.diagnostics().size(), () -> result.diagnostics().toString());
    assertDiagnostic(
        result.diagnostics().get(1),
        Severity.WARNING,
        DiagnosticCode.AL204,
        "integrations.yml:6:15",
        "integration 'hub-creds' field 'password' reads ${REGISTRY_PASSWORD}, which is not set",
        "plan goes on without it; export REGISTRY_PASSWORD before 'shiprun run', or write the"
            + " value in the file");
    Integration hub = result.integrations().get("hub-creds");
    assertEquals("${REGISTRY_URL}", text(hub, "url"), "no url check on a value not known yet");
    assertEquals("alice", text(hub, "username"));
    assertEquals("${REGISTRY_PASSWORD}", revealed(hub, "password"));
  }

  @Test
  void reportsEveryUnsetVariableOfOneValue() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: my-kv
                type: keyValuePair
                envs:
                  DSN: ${DB_USER}:${DB_PASSWORD}@db
            """,
            Map.of("DB_USER", "app"));

    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL204,
        "integrations.yml:5:12",
        "integration 'my-kv' field 'envs.DSN' reads ${DB_PASSWORD}, which is not set",
        "export DB_PASSWORD before running shiprun, or write the value in the file");
  }

  @Test
  void rejectsReferenceWithoutClosingBrace() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: pem
                type: pemKey
                key: ab${KEY
            """);

    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL011,
        "integrations.yml:4:10",
        "integration 'pem' field 'key' has '${' without a closing '}'",
        "write ${NAME} to read an environment variable, or $$ for a literal $");
  }

  @Test
  void rejectsReferenceThatIsNotAVariableName() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: pem
                type: pemKey
                key: ab${1-made-up}cd
            """);

    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL011,
        "integrations.yml:4:10",
        "integration 'pem' field 'key' has a '${…}' that does not hold a variable name",
        "a variable name has letters, digits and '_' and does not start with a digit; "
            + "write $$ for a literal $");
  }

  @Test
  void substitutesBeforeCheckingTheUrl() {
    String yaml =
        """
        integrations:
          - name: hub-creds
            type: dockerRegistryLogin
            url: ${REGISTRY_URL}
            username: alice
            password: made-up-pass-Xq81
        """;

    assertEquals(
        List.of(), parse(yaml, Map.of("REGISTRY_URL", "https://r.example.com")).diagnostics());
    assertDiagnostic(
        only(parse(yaml, Map.of("REGISTRY_URL", "registry.example.com"))),
        Severity.ERROR,
        DiagnosticCode.AL203,
        "integrations.yml:4:10",
        "integration 'hub-creds' field 'url' is not a valid url: it has no scheme; it must start "
            + "with https:// or http://",
        "write it as https://registry.example.com[:port][/path]");
  }

  @Test
  void treatsVariableSetToEmptyAsEmptyField() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: hub-creds
                type: dockerRegistryLogin
                username: alice
                password: ${REGISTRY_PASSWORD}
            """,
            Map.of("REGISTRY_PASSWORD", ""));

    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL202,
        "integrations.yml:5:5",
        "integration 'hub-creds' (dockerRegistryLogin) has an empty 'password'",
        "add 'password: …' to integration 'hub-creds', or 'password: ${VAR}' to read it from the "
            + "environment");
  }

  // --- names and types ---------------------------------------------------------------------------

  @Test
  void rejectsIntegrationWithoutName() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - type: pemKey
                key: made-up-secret-Vn42
            """);

    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL101,
        "integrations.yml:2:5",
        "integration #1 has no 'name'",
        "add 'name: …'; jobs and resources refer to an integration by its name");
    assertEquals(Map.of(), result.integrations());
  }

  @Test
  void rejectsIntegrationWithoutType() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: hub-creds
                username: alice
            """);

    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL102,
        "integrations.yml:2:5",
        "integration 'hub-creds' has no 'type'",
        "add 'type: …', one of dockerRegistryLogin, amazonKeys, keyValuePair, sshKey, pemKey, "
            + "gcloudKey, quayLogin, artifactoryKey, kubernetesConfig, azureKeys, slackKey, "
            + "webhookV2, gitCredential, github, bitbucket, gitlab, webhookSecret");
  }

  @Test
  void rejectsUnknownTypeSuggestingTheClosestName() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: hub-creds
                type: dockerRegistyLogin
                username: alice
            """);

    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL201,
        "integrations.yml:3:11",
        "integration 'hub-creds' has unknown type 'dockerRegistyLogin'",
        "did you mean 'dockerRegistryLogin'?");
    assertEquals(Map.of(), result.integrations());
  }

  @Test
  void listsKnownTypesWhenNoneIsClose() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: mystery
                type: carrierPigeon
            """);

    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL201,
        "integrations.yml:3:11",
        "integration 'mystery' has unknown type 'carrierPigeon'",
        "known types: dockerRegistryLogin, amazonKeys, keyValuePair, sshKey, pemKey, gcloudKey, "
            + "quayLogin, artifactoryKey, kubernetesConfig, azureKeys, slackKey, webhookV2, "
            + "gitCredential, github, bitbucket, gitlab, webhookSecret");
  }

  @Test
  void rejectsDuplicateNameKeepingTheFirst() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: shared
                type: pemKey
                key: made-up-secret-Vn42
              - name: shared
                type: keyValuePair
                envs: {A: b}
            """);

    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL205,
        "integrations.yml:5:11",
        "integration 'shared' is defined more than once",
        "first defined at integrations.yml:2:11; give each integration its own name");
    assertEquals("pemKey", result.integrations().get("shared").type().masterName());
  }

  @Test
  void rejectsNameThatIsNotASingleValue() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: [a, b]
                type: pemKey
                key: made-up-secret-Vn42
            """);

    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL008,
        "integrations.yml:2:11",
        "'name' of integration #1 must be a single value, found a list",
        "'name' takes one value, not a list: write 'name: value'");
  }

  // --- fields
  // --------------------------------------------------------------------------------------

  @Test
  void warnsAboutUnknownFieldSuggestingTheClosestOne() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: hub-creds
                type: dockerRegistryLogin
                username: alice
                password: made-up-pass-Xq81
                emial: alice@example.com
            """);

    assertDiagnostic(
        only(result),
        Severity.WARNING,
        DiagnosticCode.AL010,
        "integrations.yml:6:5",
        "unknown field 'emial' in integration 'hub-creds' (dockerRegistryLogin); it is ignored",
        "did you mean 'email'?");
    assertFalse(result.hasErrors());
    assertEquals(Optional.empty(), result.integrations().get("hub-creds").field("emial"));
  }

  @Test
  void listsTheTypeFieldsWhenNoFieldIsClose() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: aws
                type: amazonKeys
                accessKey: AKIA-MADE-UP
                secretKey: made-up-secret-Vn42
                region: us-east-1
            """);

    assertDiagnostic(
        only(result),
        Severity.WARNING,
        DiagnosticCode.AL010,
        "integrations.yml:6:5",
        "unknown field 'region' in integration 'aws' (amazonKeys); it is ignored",
        "amazonKeys has the fields accessKey, secretKey");
  }

  @Test
  void rejectsMissingRequiredField() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: hub-creds
                type: dockerRegistryLogin
                username: alice
            """);

    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL202,
        "integrations.yml:2:5",
        "integration 'hub-creds' (dockerRegistryLogin) has no 'password'",
        "add 'password: …' to integration 'hub-creds', or 'password: ${VAR}' to read it from the "
            + "environment");
  }

  @Test
  void rejectsEmptyRequiredField() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: hub-creds
                type: dockerRegistryLogin
                username: ""
                password: made-up-pass-Xq81
            """);

    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL202,
        "integrations.yml:4:5",
        "integration 'hub-creds' (dockerRegistryLogin) has an empty 'username'",
        "add 'username: …' to integration 'hub-creds', or 'username: ${VAR}' to read it from the "
            + "environment");
  }

  @Test
  void requiresUrlOnTypeWithoutDefaultAddress() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: jfrog
                type: artifactory
                username: alice
                password: made-up-pass-Xq81
            """);

    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL202,
        "integrations.yml:2:5",
        "integration 'jfrog' (artifactoryKey) has no 'url'",
        "add 'url: …' to integration 'jfrog', or 'url: ${VAR}' to read it from the environment");
  }

  @Test
  void rejectsEmptyKeyValueEnvs() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: my-kv
                type: keyValuePair
                envs: {}
            """);

    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL202,
        "integrations.yml:4:5",
        "integration 'my-kv' (keyValuePair) has an empty 'envs'",
        "add 'envs:' with one 'NAME: value' line per variable to integration 'my-kv'");
  }

  @Test
  void rejectsEnvsThatAreNotAMapping() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: my-kv
                type: keyValuePair
                envs: FOO=made-up-secret-Vn42
            """);

    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL008,
        "integrations.yml:4:11",
        "'envs' of integration 'my-kv' must be a mapping of names to values, found a string",
        "write the keys of 'envs' on the lines below it, indented");
  }

  @Test
  void rejectsEnvsValueThatIsNotASingleValue() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: my-kv
                type: keyValuePair
                envs:
                  FOO: bar
                  LIST: [a, b]
            """);

    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL008,
        "integrations.yml:6:13",
        "'envs.LIST' of integration 'my-kv' must be a single value, found a list",
        "'LIST' takes one value, not a list: write 'LIST: value'");
  }

  @Test
  void rejectsTextFieldThatIsAMapping() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: hub-creds
                type: dockerRegistryLogin
                username: {first: alice}
                password: made-up-pass-Xq81
            """);

    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL008,
        "integrations.yml:4:15",
        "'username' of integration 'hub-creds' must be a single value, found a mapping",
        "'first: …' reads as a mapping; if it is one value with ': ' in it, quote it");
  }

  @Test
  void rejectsFieldGivenTwiceInDifferentCase() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: hub-creds
                type: dockerRegistryLogin
                username: alice
                Username: bob
                password: made-up-pass-Xq81
            """);

    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL002,
        "integrations.yml:5:5",
        "integration 'hub-creds' gives field 'username' twice ('username' and 'Username')",
        "first given at integrations.yml:4:5; keep one of them");
    assertEquals("alice", text(result.integrations().get("hub-creds"), "username"));
  }

  @Test
  void rejectsInvalidRegistryUrl() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: hub-creds
                type: dockerRegistryLogin
                url: ftp://registry.example.com
                username: alice
                password: made-up-pass-Xq81
            """);

    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL203,
        "integrations.yml:4:10",
        "integration 'hub-creds' field 'url' is not a valid url: the scheme must be http or https",
        "write it as https://registry.example.com[:port][/path]");
  }

  @Test
  void checksEveryUrlField() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: team-slack
                type: slackKey
                webhookUrl: https://hooks.slack.com:99999/made-up
            """);

    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL203,
        "integrations.yml:4:17",
        "integration 'team-slack' field 'webhookUrl' is not a valid url: the port must be a "
            + "number from 1 to 65535",
        "write it as https://registry.example.com[:port][/path]");
  }

  // --- the file
  // ------------------------------------------------------------------------------------

  @Test
  void warnsAboutUnknownTopLevelKeySuggestingIntegrations() {
    IntegrationsResult result =
        parse(
            """
            integration:
              - name: hub-creds
            """);

    assertEquals(2, result.diagnostics().size(), () -> result.diagnostics().toString());
    assertDiagnostic(
        result.diagnostics().get(0),
        Severity.WARNING,
        DiagnosticCode.AL010,
        "integrations.yml:1:1",
        "unknown top-level key 'integration'; it is ignored",
        "did you mean 'integrations'?");
    assertDiagnostic(
        result.diagnostics().get(1),
        Severity.ERROR,
        DiagnosticCode.AL008,
        "integrations.yml:1:1",
        "integrations.yml has no 'integrations:' list",
        "start the file with 'integrations:' and list each integration under it as "
            + "'- name: …'");
  }

  @Test
  void warnsAboutUnrelatedTopLevelKeyNextToIntegrations() {
    IntegrationsResult result =
        parse(
            """
            version: 2
            integrations: []
            """);

    assertDiagnostic(
        only(result),
        Severity.WARNING,
        DiagnosticCode.AL010,
        "integrations.yml:1:1",
        "unknown top-level key 'version'; it is ignored",
        "an integrations file has one top-level key, 'integrations:'");
  }

  @Test
  void rejectsTopLevelList() {
    IntegrationsResult result =
        parse(
            """
            - name: hub-creds
              type: dockerRegistryLogin
            """);

    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL008,
        "integrations.yml:1:1",
        "the top level of integrations.yml must be a mapping with 'integrations:', found a list",
        "start the file with 'integrations:' at column 1 and list the integrations under it");
  }

  @Test
  void rejectsIntegrationsThatAreNotAList() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              hub-creds:
                type: dockerRegistryLogin
            """);

    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL008,
        "integrations.yml:2:3",
        "'integrations' must be a list ('- name: …' items), found a mapping",
        "put '- ' in front of each integration");
  }

  @Test
  void rejectsItemThatIsNotAMapping() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - hub-creds
            """);

    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL008,
        "integrations.yml:2:5",
        "integration #1 must be a mapping ('- name: …'), found a string",
        "write each integration as '- name: …' with 'type:' and its fields under it");
  }

  @Test
  void reportsEmptyFileAsTheYamlLoaderDoesAndReadsNothing() {
    IntegrationsResult result = parse("# nothing here\n");

    Diagnostic d = only(result);
    assertEquals(DiagnosticCode.AL003, d.code());
    assertEquals(Severity.WARNING, d.severity());
    assertEquals(Map.of(), result.integrations());
    assertFalse(result.hasErrors());
  }

  @Test
  void reportsYamlSyntaxErrorWithoutKeepingTheText() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: hub-creds
                password: "made-up-pass-Xq81
            """);

    assertTrue(result.hasErrors());
    assertEquals(DiagnosticCode.AL001, result.diagnostics().get(0).code());
    assertEquals(Map.of(), result.integrations());
    assertEquals(List.of(), result.sources().files());
  }

  @Test
  void reportsSeveralProblemsInOnePass() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: hub-creds
                type: dockerRegistryLogin
                url: https://registry.example.com:0
                usrname: alice
                password: ${REGISTRY_PASSWORD}
              - type: pemKey
              - name: aws
                type: amazonKeyz
              - name: hub-creds
                type: keyValuePair
                envs: {A: b}
            extra: true
            """);

    List<String> headlines = result.diagnostics().stream().map(Diagnostic::headline).toList();
    assertEquals(
        List.of(
            "integrations.yml:2:5: error[AL202]: integration 'hub-creds' (dockerRegistryLogin) "
                + "has no 'username'",
            "integrations.yml:4:10: error[AL203]: integration 'hub-creds' field 'url' is not a "
                + "valid url: the port must be a number from 1 to 65535",
            "integrations.yml:5:5: warning[AL010]: unknown field 'usrname' in integration "
                + "'hub-creds' (dockerRegistryLogin); it is ignored",
            "integrations.yml:6:15: error[AL204]: integration 'hub-creds' field 'password' reads "
                + "${REGISTRY_PASSWORD}, which is not set",
            "integrations.yml:7:5: error[AL101]: integration #2 has no 'name'",
            "integrations.yml:7:5: error[AL202]: integration #2 (pemKey) has no 'key'",
            "integrations.yml:9:11: error[AL201]: integration 'aws' has unknown type 'amazonKeyz'",
            "integrations.yml:10:11: error[AL205]: integration 'hub-creds' is defined more than "
                + "once",
            "integrations.yml:13:1: warning[AL010]: unknown top-level key 'extra'; it is ignored"),
        headlines);
    assertEquals(List.of("hub-creds"), List.copyOf(result.integrations().keySet()));
  }

  // --- secrets
  // ------------------------------------------------------------------------------------

  @Test
  void neverShowsSecretsInDiagnosticsSourcesOrToString() {
    String yaml =
        """
        integrations:
          - name: hub-creds
            type: dockerRegistryLogin
            url: https://alice:made-up-pass-Xq81@registry.example.com
            username: alice
            password: made-up-pass-Xq81
            passwrd: made-up-pass-Xq81
            Password: made-up-pass-Xq81
          - name: my-kv
            type: keyValuePair
            envs:
              TOKEN: made-up-secret-Vn42
              NESTED: {deep: made-up-secret-Vn42}
              BROKEN: ${made-up-secret-Vn42}
          - name: pem
            type: pemKey
            key: made-up-secret-Vn42${UNSET}
          - name: odd
            type: notAType
            token: made-up-secret-Vn42
          - name: flow
            type: amazonKeys
            secretKey: made-up-secret-Vn42
            accessKey: {a: b}
          - name: hook
            type: slackKey
            webhookUrl: made-up-secret-Vn42
            channel: made-up-secret-Vn42
          - {name: hub-flow, type: dockerRegistryLogin, password: made-up-pass-Xq81, emial: x}
          - made-up-secret-Vn42
        leftover: made-up-secret-Vn42
        """;
    IntegrationsResult result = parse(yaml, Map.of("SET", PASSWORD));

    assertTrue(result.diagnostics().size() >= 10, () -> result.diagnostics().toString());
    DiagnosticRenderer renderer = new DiagnosticRenderer(result.sources());
    for (Diagnostic d : result.diagnostics()) {
      String shown = d + "\n" + d.hints() + "\n" + renderer.render(d);
      assertFalse(shown.contains("made-up"), shown);
    }
    assertFalse(result.toString().contains("made-up"), result::toString);
    for (Integration integration : result.integrations().values()) {
      assertFalse(integration.toString().contains("made-up"), integration::toString);
      assertFalse(
          integration.effectiveFields().toString().contains("made-up"), integration::toString);
    }
    for (String file : result.sources().files()) {
      for (int line = 1; line <= 31; line++) {
        String quoted = result.sources().line(file, line).orElse("");
        assertFalse(quoted.contains("made-up"), quoted);
      }
    }
  }

  @Test
  void neverShowsTheValueOfAKeyGivenTwice() {
    // The YAML loader reports the second key and leaves it out of the tree, value and all.
    String yaml =
        """
        integrations:
          - name: hub-creds
            type: dockerRegistryLogin
            username: alice
            password: made-up-pass-Xq81
            password: made-up-pass-Xq81-again
          - name: my-kv
            type: keyValuePair
            envs:
              TOKEN: made-up-secret-Vn42
              TOKEN: made-up-secret-Vn42
          - name: two-envs
            type: keyValuePair
            envs:
              A: made-up-secret-Vn42
            envs:
              B: made-up-secret-Vn42
              B: |
                made-up-secret-Vn42
              C: made-up-secret-Vn42
          - name: pem
            type: pemKey
            key: made-up-secret-Vn42
            key: |
              made-up-secret-Vn42
              made-up-secret-Vn42
          - {name: flow, type: keyValuePair, envs: {X: made-up-secret-Vn42, X: made-up-secret-Vn42}}
        """;
    IntegrationsResult result = parse(yaml);

    List<Diagnostic> twice =
        result.diagnostics().stream().filter(d -> d.code() == DiagnosticCode.AL002).toList();
    assertTrue(twice.size() >= 5, () -> result.diagnostics().toString());
    DiagnosticRenderer renderer = new DiagnosticRenderer(result.sources());
    for (Diagnostic d : result.diagnostics()) {
      String shown = d + "\n" + d.hints() + "\n" + renderer.render(d);
      assertFalse(shown.contains("made-up"), shown);
    }
    for (int line = 1; line <= 30; line++) {
      String quoted = result.sources().line(FILE, line).orElse("");
      assertFalse(quoted.contains("made-up"), line + ": " + quoted);
    }
    assertEquals(Optional.of("    username: alice"), result.sources().line(FILE, 4));
  }

  @Test
  void keepsNonSecretValuesInTheQuotedSource() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: hub-creds
                type: dockerRegistryLogin
                url: ftp://registry.example.com
                username: alice
                password: made-up-pass-Xq81
                pasword: made-up-pass-Xq81
            """);

    assertEquals(
        Optional.of("    url: ftp://registry.example.com"), result.sources().line(FILE, 4));
    assertEquals(Optional.of("    username: alice"), result.sources().line(FILE, 5));
    assertEquals(Optional.of("    password: ***"), result.sources().line(FILE, 6));
    assertEquals(Optional.of("    pasword: ***"), result.sources().line(FILE, 7));
  }

  @Test
  void hidesSecretsOfEveryIntegrationWhenRead() {
    IntegrationsResult result =
        parse(
            """
            integrations:
              - name: hub-creds
                type: dockerRegistryLogin
                username: alice
                password: ${REGISTRY_PASSWORD}
            """,
            Map.of("REGISTRY_PASSWORD", PASSWORD));

    Integration hub = result.integrations().get("hub-creds");
    assertEquals("***", hub.field("password").orElseThrow().display());
    assertFalse(hub.toString().contains(PASSWORD), hub::toString);
    assertFalse(result.toString().contains(PASSWORD), result::toString);
  }

  // --- files
  // ---------------------------------------------------------------------------------------

  @Test
  void readsTheFileFromDisk(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("integrations.yml");
    Files.writeString(
        file,
        """
        integrations:
          - name: my-kv
            type: keyValuePair
            envs:
              FOO: bar
        """);

    IntegrationsResult result = parser.read(file, Map.of());

    assertEquals(List.of(), result.diagnostics());
    assertEquals(List.of("my-kv"), List.copyOf(result.integrations().keySet()));
    String name = file.toString().replace('\\', '/');
    assertEquals(List.of(name), result.sources().files());
    assertEquals(Optional.of("  - name: my-kv"), result.sources().line(name, 2));
  }

  @Test
  void reportsMissingFileInsteadOfThrowing(@TempDir Path dir) {
    Path file = dir.resolve("absent.yml");

    IntegrationsResult result = parser.read(file, Map.of());

    String name = file.toString().replace('\\', '/');
    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL007,
        name,
        "no such integrations file: " + name,
        "check the path given to --integrations");
    assertEquals(Map.of(), result.integrations());
    assertTrue(result.hasErrors());
  }

  @Test
  void reportsDirectoryInsteadOfThrowing(@TempDir Path dir) {
    IntegrationsResult result = parser.read(dir, Map.of());

    String name = dir.toString().replace('\\', '/');
    assertDiagnostic(
        only(result),
        Severity.ERROR,
        DiagnosticCode.AL007,
        name,
        name + " is a directory, not an integrations file",
        "give the path of the integrations YAML file to --integrations");
  }

  @Test
  void refusesFileOverTheSizeLimitBeforeReadingIt(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("big.yml");
    Files.writeString(file, "integrations: []\n" + "#".repeat(2048) + "\n");
    IntegrationsParser small =
        new IntegrationsParser(IntegrationTypes.builtIn(), new YamlLimits(1024, 100, 100, 1000));

    IntegrationsResult result = small.read(file, Map.of());

    assertEquals(DiagnosticCode.AL005, only(result).code());
    assertTrue(result.hasErrors());
  }
}
