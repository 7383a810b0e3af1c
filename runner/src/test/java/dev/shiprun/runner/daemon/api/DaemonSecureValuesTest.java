package dev.shiprun.runner.daemon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.validate.Validation;
import dev.shiprun.runner.Poll;
import dev.shiprun.runner.daemon.DaemonLog;
import dev.shiprun.runner.daemon.DaemonSettings;
import dev.shiprun.runner.daemon.work.DaemonRuns;
import dev.shiprun.runner.engine.job.NodeRuntime;
import dev.shiprun.runner.engine.log.RunLogs;
import dev.shiprun.runner.plugin.PluginLoader;
import dev.shiprun.runner.store.LineSource;
import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.runner.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon opens a line's {@code shiprun encrypt} values with its home's key as {@code shiprun
 * run} does, on a real store and bash: the job gets the variable, its log masks it; a value the
 * home cannot open is an AL206 warning of the line.
 */
class DaemonSecureValuesTest {

  private static final String TOKEN = "made-up-daemon-token-1618";

  @TempDir Path home;

  @Test
  void aRunOfTheDaemonGetsTheOpenedPairsMaskedAndTheLineWarnsOfTheOthers() throws Exception {
    try (Store store = Store.open(home, new ObjectMapper())) {
      DaemonContext.Opened opened =
          DaemonContext.Opened.of(
              home,
              store,
              ApiToken.of("made-up-token-for-DaemonSecureValuesTest"),
              Optional.empty(),
              new DaemonSettings(
                  1,
                  Duration.ofSeconds(5),
                  Duration.ofSeconds(1),
                  100,
                  200,
                  DaemonLog.Format.TEXT,
                  Map.of("PATH", System.getenv("PATH")),
                  false,
                  NodeRuntime.defaults(Map.of()),
                  Map.of()),
              new DaemonLog(
                  new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                  DaemonLog.Format.TEXT),
              new PluginLoader().load(List.of()));
      String blob = opened.integrations().encrypt("DEPLOY_TOKEN=" + TOKEN + "\n");
      String yaml =
          """
          resources:
            - name: secrets
              type: params
              versionTemplate:
                params:
                  secure: %s
            - name: other-home
              type: params
              versionTemplate:
                params:
                  secure: shiprun:v1:0011223344556677:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
          jobs:
            - name: deploy
              type: runSh
              steps:
                - IN: secrets
                - IN: other-home
                - TASK:
                    script:
                      - echo "token $DEPLOY_TOKEN"
                      - test "$SECRETS_PARAMS_DEPLOY_TOKEN" = "%s"
          """
              .formatted(blob, TOKEN);
      store.transaction(
          c ->
              store
                  .lines()
                  .put(
                      c, LineSource.uploaded("web", Map.of("shippable.yml", yaml), Instant.now())));

      Validation line = opened.lines().load("web").orElseThrow();
      List<Diagnostic> al206 =
          line.diagnostics().stream().filter(d -> d.code() == DiagnosticCode.AL206).toList();
      assertEquals(1, al206.size(), al206.toString());
      assertTrue(al206.get(0).message().contains("'other-home'"), al206.toString());

      DaemonRuns runs = opened.runs();
      runs.start();
      long id;
      try {
        id = runs.trigger("web", "deploy", Map.of()).id();
        Poll.until(
            Duration.ofSeconds(60),
            "run " + id + " never ended",
            () -> runs.run(id).orElseThrow().status().isFinal());
      } finally {
        runs.stop();
      }
      String log = Files.readString(RunLogs.file(home, id));
      assertEquals(RunStatus.SUCCESS, runs.run(id).orElseThrow().status(), log);
      assertTrue(log.contains("token ***"), log);
      assertFalse(log.contains(TOKEN), log);
      assertTrue(log.contains("params resource 'other-home' cannot be read"), log);
    }
  }
}
