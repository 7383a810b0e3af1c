package dev.shiprun.runner.cli.boot;

import dev.shiprun.runner.cli.DaemonHost;
import dev.shiprun.runner.cli.ShiprunCommandLine;
import dev.shiprun.runner.daemon.api.ApiCertificates;
import dev.shiprun.runner.daemon.api.DaemonContext;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The entry point. Every command line but {@code shiprun daemon} runs at once, without Quarkus:
 * {@link CommandFactory} makes its command. {@code daemon} boots Quarkus, which serves the API, and
 * then {@link #run} executes it through the same {@link CommandFactory}, given what Quarkus serves
 * it with; its exit code becomes the process's.
 */
@QuarkusMain
public class ShiprunMain implements QuarkusApplication {

  private static final String LAUNCH_MECHANISM = "jdk.lang.Process.launchMechanism";

  private final DaemonHost daemonHost;

  @Inject
  public ShiprunMain(
      DaemonContext context,
      ApiCertificates certificates,
      @ConfigProperty(name = BootProperties.HOST) String host,
      @ConfigProperty(name = BootProperties.PORT) int port) {
    this.daemonHost = new DaemonHost(context, certificates, host, port);
  }

  /**
   * The JVM entry (also what {@code @QuarkusMainTest} calls). Quarkus boots only for {@code
   * daemon}, with HTTP on the address {@link BootProperties} reads from its options; those
   * properties are cleared again when Quarkus returns, so tests in one JVM are unaffected. See
   * TOOLCHAIN.md "One app that is a CLI and a daemon".
   */
  public static void main(String... args) {
    // Scripts start with vfork on JDK 17: cheaper per process than the default posix_spawn,
    // which execs a helper first (docs/benchmarks.md). Newer JDKs deprecate vfork; keep theirs.
    if (Runtime.version().feature() < 21 && System.getProperty(LAUNCH_MECHANISM) == null) {
      System.setProperty(LAUNCH_MECHANISM, "VFORK");
    }
    Map<String, String> environment = System.getenv();
    Settings settings = Settings.of(System.getProperties(), environment);
    if (!BootProperties.daemon(args)) {
      LibraryLogging.install();
      exit(
          new ShiprunCommandLine(CommandFactory.of(environment, settings), settings.debug())
              .execute(args));
      return;
    }
    Map<String, String> boot = BootProperties.of(environment, args);
    Map<String, String> before = new HashMap<>();
    boot.forEach((key, value) -> before.put(key, System.setProperty(key, value)));
    try {
      Quarkus.run(
          ShiprunMain.class,
          new QuarkusExit(
              System.err,
              settings.debug(),
              ApplicationLifecycleManager.getDefaultExitCodeHandler()),
          args);
    } finally {
      before.forEach(
          (key, value) -> {
            if (value == null) {
              System.clearProperty(key);
            } else {
              System.setProperty(key, value);
            }
          });
    }
  }

  /**
   * Ends the process with {@code code}. Loaded by Quarkus's class loader instead of the JVM's (the
   * image's fast-jar, {@code @QuarkusMainTest}), the code goes to Quarkus's exit handler, which
   * exits the process in production and records the code in a test.
   */
  private static void exit(int code) {
    if (ShiprunMain.class.getClassLoader() == ClassLoader.getSystemClassLoader()) {
      System.exit(code);
    }
    ApplicationLifecycleManager.getDefaultExitCodeHandler().accept(code, null);
  }

  @Override
  public int run(String... args) {
    Map<String, String> environment = System.getenv();
    Settings settings = Settings.of(System.getProperties(), environment);
    CommandFactory root =
        new CommandFactory(
            environment, settings, CommandFactory.jarVersion(), Optional.of(daemonHost));
    return new ShiprunCommandLine(root, settings.debug()).execute(args);
  }
}
