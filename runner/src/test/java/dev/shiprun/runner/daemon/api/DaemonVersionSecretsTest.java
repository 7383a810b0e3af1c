package dev.shiprun.runner.daemon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.model.integration.Secret;
import dev.shiprun.runner.Poll;
import dev.shiprun.runner.daemon.DaemonLog;
import dev.shiprun.runner.daemon.DaemonSettings;
import dev.shiprun.runner.daemon.api.ResourceVersionsEndpoint.VersionView;
import dev.shiprun.runner.daemon.work.DaemonRuns;
import dev.shiprun.runner.engine.job.NodeRuntime;
import dev.shiprun.runner.plugin.PluginLoader;
import dev.shiprun.runner.store.LineSource;
import dev.shiprun.runner.store.NewVersion;
import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.StoredVersion;
import dev.shiprun.runner.store.VersionKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon with {@code --store-masked-versions}, on a real store and bash: a version that carries
 * a secret is stored with the mask; and the API shows a version stored with a secret (by an older
 * shiprun) masked.
 */
class DaemonVersionSecretsTest {

  private static final String PASSWORD = "made-up-daemon-pass-2718";

  @TempDir Path home;

  private DaemonContext.Opened open(Store store, boolean storeMaskedVersions) {
    DaemonSettings settings =
        new DaemonSettings(
            1,
            Duration.ofSeconds(5),
            Duration.ofSeconds(1),
            100,
            200,
            DaemonLog.Format.TEXT,
            Map.of("PATH", System.getenv("PATH")),
            storeMaskedVersions,
            NodeRuntime.defaults(Map.of()),
            Map.of());
    DaemonContext.Opened opened =
        DaemonContext.Opened.of(
            home,
            store,
            ApiToken.of("made-up-token-for-DaemonVersionSecretsTest"),
            Optional.empty(),
            settings,
            new DaemonLog(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                DaemonLog.Format.TEXT),
            new PluginLoader().load(List.of()));
    Map<String, FieldValue> fields = new LinkedHashMap<>();
    fields.put("username", new FieldValue.Text("alice"));
    fields.put("password", new FieldValue.Hidden(new Secret(PASSWORD)));
    opened
        .integrations()
        .put(
            new Integration(
                "hub-creds",
                IntegrationTypes.DOCKER_REGISTRY,
                fields,
                SourceLocation.ofFile("integrations.yml")),
            false);
    store.transaction(
        c ->
            store
                .lines()
                .put(
                    c,
                    LineSource.uploaded(
                        "web",
                        Map.of("shippable.yml", VersionSecretsApiTest.line("hub-creds")),
                        Instant.now())));
    return opened;
  }

  private static List<VersionView> shown(DaemonContext.Opened opened, String name) {
    DaemonContext context = new DaemonContext();
    context.open(opened);
    return new ResourceVersionsEndpoint(context).versions("web", name);
  }

  @Test
  void withStoreMaskedVersionsTheVersionIsStoredAndShownWithTheMask() throws Exception {
    try (Store store = Store.open(home, new ObjectMapper())) {
      DaemonContext.Opened opened = open(store, true);
      DaemonRuns runs = opened.runs();
      runs.start();
      try {
        long id = runs.trigger("web", "build", Map.of()).id();
        Poll.until(
            Duration.ofSeconds(60),
            "run " + id + " never ended",
            () -> runs.run(id).orElseThrow().status().isFinal());
        assertEquals(RunStatus.SUCCESS, runs.run(id).orElseThrow().status());
      } finally {
        runs.stop();
      }
      StoredVersion stored =
          store.transaction(c -> store.versions().list(c, "web", "app-image")).get(0);
      assertEquals(Optional.of("***"), stored.versionName());
      assertEquals("x***", stored.propertyBag().get("token"));
      VersionView view = shown(opened, "app-image").get(0);
      assertEquals(2, view.number());
      assertEquals("***", view.versionName());
      assertEquals("x***", view.propertyBag().get("token"));
    }
  }

  @Test
  void theApiShowsAVersionStoredWithASecretMasked() {
    try (Store store = Store.open(home, new ObjectMapper())) {
      DaemonContext.Opened opened = open(store, false);
      Map<String, Object> bag = new LinkedHashMap<>();
      bag.put("token", "x" + PASSWORD);
      bag.put(PASSWORD, "a name that is a secret");
      bag.put("params", Map.of("NESTED", List.of(PASSWORD)));
      store.transaction(
          c ->
              store
                  .versions()
                  .post(
                      c,
                      new NewVersion(
                          "web",
                          "app-image",
                          VersionKind.RESOURCE,
                          Optional.of(PASSWORD),
                          bag,
                          Optional.empty(),
                          OptionalLong.empty())));
      VersionView view = shown(opened, "app-image").get(0);
      assertEquals("***", view.versionName());
      assertEquals("x***", view.propertyBag().get("token"));
      assertEquals("a name that is a secret", view.propertyBag().get("***"));
      assertEquals(Map.of("NESTED", List.of("***")), view.propertyBag().get("params"));
      assertFalse(view.toString().contains(PASSWORD), view.toString());
    }
  }
}
