package dev.shiprun.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.runner.cli.boot.BootProperties;
import dev.shiprun.runner.cli.boot.QuarkusExit;
import dev.shiprun.runner.daemon.DaemonException;
import dev.shiprun.runner.daemon.DaemonLog;
import dev.shiprun.runner.daemon.DaemonSettings;
import dev.shiprun.runner.daemon.api.ApiTokenSource;
import dev.shiprun.runner.daemon.api.CertificateWatch;
import dev.shiprun.runner.daemon.api.DaemonContext;
import dev.shiprun.runner.daemon.webhook.WebhookReceiver;
import dev.shiprun.runner.engine.job.EngineSettings;
import dev.shiprun.runner.engine.schedule.Engine;
import dev.shiprun.runner.plugin.Plugins;
import dev.shiprun.runner.secrets.IntegrationStoreException;
import dev.shiprun.runner.secrets.MasterKey;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.StoreException;
import io.quarkus.runtime.Quarkus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shiprun daemon}: serves the API until SIGTERM or Ctrl-C. HTTP (or HTTPS, given a
 * certificate) is already listening when this runs ({@link BootProperties} gave Quarkus the address
 * and the certificate before it booted); the command opens the home's store and token, hands them
 * to the endpoints, reloads the certificate when its files change or on SIGHUP, and waits.
 */
@Command(
    name = "daemon",
    mixinStandardHelpOptions = true,
    description = {
      "Runs shiprun as a service: the REST API on --bind:--port until SIGTERM or Ctrl-C.",
      "Every request but /q/health/* needs 'Authorization: Bearer <token>', the token of"
          + " SHIPRUN_API_TOKEN when set, else of <home>/api-token (made at the first start and"
          + " shown once); provider webhooks (POST /api/webhooks/PROVIDER/LINE) are verified"
          + " with the line's --webhook-secret instead.",
      "HTTPS with --tls-cert and --tls-key (PEM; or SHIPRUN_TLS_CERT and SHIPRUN_TLS_KEY),"
          + " read again when the files change and on SIGHUP. Plain HTTP is served on loopback"
          + " only, unless --insecure-http says otherwise."
    },
    footer = {
      "",
      "Exit codes: 0 stopped by SIGTERM or Ctrl-C, 2 usage error (a non-loopback --bind without"
          + " a certificate or --insecure-http included), 3 the daemon could not start (address"
          + " in use, store unusable)."
    })
public class DaemonCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DaemonOptions options = new DaemonOptions();

  private final ShiprunHome home;
  private final HomePlugins plugins;
  private final CallerEnvironment environment;
  private final Optional<DaemonHost> daemonHost;

  /**
   * {@code host}: what Quarkus serves the API with; absent when the command line was parsed without
   * booting Quarkus (help, completion), where {@code daemon} is only described, never run.
   */
  public DaemonCommand(
      ShiprunHome home,
      HomePlugins plugins,
      CallerEnvironment environment,
      Optional<DaemonHost> host) {
    this.home = home;
    this.plugins = plugins;
    this.environment = environment;
    this.daemonHost = host;
  }

  @Override
  public Integer call() {
    options
        .problem(environment.variables())
        .ifPresent(
            problem -> {
              throw new ParameterException(spec.commandLine(), problem);
            });
    DaemonHost served =
        daemonHost.orElseThrow(
            () -> new IllegalStateException("the daemon runs only under Quarkus"));
    DaemonContext daemon = served.context();
    String host = served.host();
    Path homeDir = home.resolve(options.homeOptions.home);
    Plugins loaded = plugins.of(homeDir);
    Map<String, String> variables = environment.variables();
    DaemonSettings settings =
        new DaemonSettings(
            options.concurrency,
            DurationOption.parse(spec, "--stop-grace", options.stopGrace),
            DurationOption.parse(spec, "--grace", options.grace),
            options.maxQueued,
            options.maxLogLine,
            options.logFormat.equals("json") ? DaemonLog.Format.JSON : DaemonLog.Format.TEXT,
            EngineSettings.allowListed(variables),
            options.versionSecrets.storeMaskedVersions,
            options.runtime.runtime(spec, variables, Engine.executorNames(loaded), homeDir),
            options.webhookSecrets);
    PrintWriter err = spec.commandLine().getErr();
    Interrupts.ignoredWarning().ifPresent(err::println);
    ApiTokenSource.Resolved token;
    try {
      token = ApiTokenSource.resolve(homeDir, variables);
    } catch (DaemonException e) {
      return fail(err, e.getMessage());
    }
    Store store;
    try {
      store = Store.open(homeDir, new ObjectMapper());
    } catch (StoreException e) {
      return fail(err, e.getMessage());
    }
    DaemonLog log = new DaemonLog(System.err, settings.logFormat());
    DaemonContext.Opened opened =
        DaemonContext.Opened.of(
            homeDir,
            store,
            token.token(),
            Optional.ofNullable(environment.variables().get(MasterKey.ENVIRONMENT)),
            settings,
            log,
            loaded);
    Optional<DaemonOptions.Tls> tls = options.tls(environment.variables());
    // After a crash: the store marked the runs that were running interrupted as it opened; start()
    // kills the processes they left (found by their run token), removes their build folders, puts
    // back requests taken but not begun, and the queued runs continue.
    opened.runs().start();
    daemon.open(opened);
    webhookSecretProblems(opened).forEach(p -> err.println("shiprun daemon: warning: " + p));
    Optional<CertificateWatch> watch =
        tls.map(
            t ->
                new CertificateWatch(
                    t.cert(),
                    t.key(),
                    Duration.ofSeconds(2),
                    served.certificates()::reload,
                    text -> log.event("tls", Map.of("cert", t.cert().toString()), text)));
    Optional<Hangup> hangup = watch.map(w -> Hangup.onSignal(() -> w.reload("SIGHUP")));
    try (Interrupts stop = Interrupts.onSignal(() -> Quarkus.asyncExit(ExitCode.OK.code()))) {
      if (token.created()) {
        // The only line that ever shows the token: the file keeps it, nothing else prints it.
        err.println(
            "shiprun daemon: made the API token "
                + token.source()
                + " (0600); shown this once: "
                + token.token().reveal());
      }
      if (tls.isEmpty() && !options.bindsLoopback()) {
        err.println(
            "shiprun daemon: warning: plain HTTP on "
                + host
                + " (--insecure-http): the API token and every log cross the network in the"
                + " clear; keep it behind a proxy that does TLS, or give --tls-cert and"
                + " --tls-key");
      }
      err.println(
          "shiprun daemon: listening on "
              + (tls.isPresent() ? "https://" : "http://")
              + QuarkusExit.address(host, served.port())
              + " (home "
              + homeDir
              + ", "
              + options.concurrency
              + " jobs at a time, token from "
              + token.source()
              + tls.map(t -> ", certificate " + t.cert() + ", reloaded on change or SIGHUP")
                  .orElse("")
              + "); stop with Ctrl-C or SIGTERM");
      err.flush();
      Quarkus.waitForExit();
      err.println(
          "shiprun daemon: stopping: running jobs get "
              + options.stopGrace
              + ", then are cancelled; queued runs wait for the next start");
      err.flush();
      opened.runs().stop();
    } finally {
      hangup.ifPresent(Hangup::close);
      watch.ifPresent(CertificateWatch::close);
      daemon.close();
    }
    err.println("shiprun daemon: stopped");
    err.flush();
    return ExitCode.OK.code();
  }

  /**
   * Each {@code --webhook-secret} whose integration the home lacks or is of another type: that
   * line's webhooks are refused until it is fixed.
   */
  private List<String> webhookSecretProblems(DaemonContext.Opened opened) {
    List<String> problems = new ArrayList<>();
    Map<String, Integration> integrations;
    try {
      integrations = opened.integrations().load();
    } catch (IntegrationStoreException e) {
      return List.of(e.getMessage() + "; the webhooks of every line are refused");
    }
    options.webhookSecrets.forEach(
        (line, name) -> {
          Integration integration = integrations.get(name);
          if (integration == null
              || !integration.type().masterName().equals(WebhookReceiver.SECRET_TYPE)) {
            problems.add(
                "--webhook-secret "
                    + line
                    + "="
                    + name
                    + ": the home has no webhookSecret integration '"
                    + name
                    + "', so the webhooks of line "
                    + line
                    + " are refused; add it with 'shiprun integration add "
                    + name
                    + " --type webhookSecret --password-stdin'");
          }
        });
    return problems;
  }

  private static int fail(PrintWriter err, String message) {
    err.println("shiprun daemon: " + message);
    err.flush();
    return ExitCode.INTERNAL.code();
  }
}
