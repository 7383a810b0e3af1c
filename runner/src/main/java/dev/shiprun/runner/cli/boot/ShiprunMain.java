package dev.shiprun.runner.cli.boot;

import dev.shiprun.runner.cli.ShiprunCommandLine;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entry point: Quarkus boots, then {@link #run} executes the command line once and its exit
 * code becomes the process's.
 */
@QuarkusMain
public class ShiprunMain implements QuarkusApplication {

  private static final String LAUNCH_MECHANISM = "jdk.lang.Process.launchMechanism";

  private final ShiprunCommandLine commandLine;

  @Inject
  public ShiprunMain(ShiprunCommandLine commandLine) {
    this.commandLine = commandLine;
  }

  /**
   * The JVM entry (also what {@code @QuarkusMainTest} calls). HTTP listens only for {@code daemon}:
   * {@link BootProperties} turns it off for every other command (so a {@code validate} works while
   * a daemon holds the port) and gives the daemon its address; the properties are cleared again
   * when Quarkus returns, so tests in one JVM are unaffected. See TOOLCHAIN.md "One app that is a
   * CLI and a daemon".
   */
  public static void main(String... args) {
    // Scripts start with vfork on JDK 17: cheaper per process than the default posix_spawn,
    // which execs a helper first (docs/benchmarks.md). Newer JDKs deprecate vfork; keep theirs.
    if (Runtime.version().feature() < 21 && System.getProperty(LAUNCH_MECHANISM) == null) {
      System.setProperty(LAUNCH_MECHANISM, "VFORK");
    }
    if (QuickCommands.applies(args)) {
      System.exit(new QuickCommands(System.getenv()).execute(args));
    }
    Map<String, String> boot = BootProperties.of(System.getenv(), args);
    Map<String, String> before = new HashMap<>();
    boot.forEach((key, value) -> before.put(key, System.setProperty(key, value)));
    try {
      Quarkus.run(
          ShiprunMain.class,
          new QuarkusExit(
              System.err,
              debug(System.getenv("SHIPRUN_DEBUG")),
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

  /** {@code SHIPRUN_DEBUG} as Quarkus reads it for {@code shiprun.debug}, before Quarkus runs. */
  static boolean debug(String value) {
    return value != null && List.of("1", "true", "yes", "on").contains(value.toLowerCase());
  }

  @Override
  public int run(String... args) {
    return commandLine.execute(args);
  }
}
