package dev.shiprun.runner.daemon.api;

import dev.shiprun.runner.daemon.DaemonLog;
import dev.shiprun.runner.daemon.DaemonSettings;
import dev.shiprun.runner.daemon.Problem;
import dev.shiprun.runner.daemon.ProblemException;
import dev.shiprun.runner.daemon.work.DaemonLines;
import dev.shiprun.runner.daemon.work.DaemonRuns;
import dev.shiprun.runner.engine.job.EngineSettings;
import dev.shiprun.runner.plugin.PluginLoader;
import dev.shiprun.runner.plugin.Plugins;
import dev.shiprun.runner.secrets.IntegrationStore;
import dev.shiprun.runner.secrets.SecureValueCheck;
import dev.shiprun.runner.store.Store;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a running daemon serves from: its home, the store (opened once, kept until the daemon stops)
 * and the API token. Quarkus starts HTTP while it boots, before {@code shiprun daemon} has read its
 * options, so this is empty until the command {@link #open}s it; the endpoints, the token filter
 * and the readiness check read it on every request (one volatile read).
 */
@ApplicationScoped
public class DaemonContext {

  /**
   * Everything the command opened, published at once: the home, its store, the API token, the
   * home's integration store and the lines the daemon holds.
   */
  public record Opened(
      Path home,
      Store store,
      ApiToken token,
      IntegrationStore integrations,
      DaemonLines lines,
      DaemonRuns runs) {
    public Opened {
      Objects.requireNonNull(home, "home");
      Objects.requireNonNull(store, "store");
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(integrations, "integrations");
      Objects.requireNonNull(lines, "lines");
      Objects.requireNonNull(runs, "runs");
    }

    /**
     * What a daemon on {@code home} serves, with default settings and the built-in plugins (tests);
     * the runs' workers are not started.
     */
    public static Opened of(Path home, Store store, ApiToken token, Optional<String> masterKey) {
      return of(
          home,
          store,
          token,
          masterKey,
          DaemonSettings.defaults(EngineSettings.allowListed(System.getenv())),
          new DaemonLog(System.err, DaemonLog.Format.TEXT),
          new PluginLoader().load(List.of()));
    }

    /**
     * What a daemon on {@code home} serves with {@code plugins}; the runs' workers are not started.
     */
    public static Opened of(
        Path home,
        Store store,
        ApiToken token,
        Optional<String> masterKey,
        DaemonSettings settings,
        DaemonLog log,
        Plugins plugins) {
      IntegrationStore integrations =
          new IntegrationStore(home, masterKey, plugins.integrationTypes());
      DaemonLines lines =
          new DaemonLines(
              store,
              plugins.lineLoader(),
              v -> SecureValueCheck.check(v, () -> integrations, false));
      return new Opened(
          home,
          store,
          token,
          integrations,
          lines,
          new DaemonRuns(home, store, lines, integrations, settings, log, plugins));
    }
  }

  private volatile Opened opened;

  public void open(Opened value) {
    if (opened != null) {
      throw new IllegalStateException("the daemon is already open on " + opened.home());
    }
    opened = Objects.requireNonNull(value);
  }

  public Optional<Opened> opened() {
    return Optional.ofNullable(opened);
  }

  /** What the daemon serves; a 503 problem while it has not opened its home yet. */
  public Opened serving() {
    return opened().orElseThrow(() -> new ProblemException(Problem.starting()));
  }

  /** Closes the store; requests that still arrive see a daemon that is not ready. */
  @PreDestroy
  public void close() {
    Opened last = opened;
    opened = null;
    if (last != null) {
      last.store().close();
    }
  }
}
