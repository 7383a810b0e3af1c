package dev.shiprun.runner.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;

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
   * The JVM entry. When the {@code daemon} command arrives, this is where HTTP gets switched off
   * for every other command (set {@code quarkus.http.host-enabled=false} unless {@code args[0]} is
   * {@code daemon}, and clear it after {@code Quarkus.run} returns so tests in one JVM are
   * unaffected); see TOOLCHAIN.md "One app that is a CLI and a daemon".
   */
  public static void main(String... args) {
    // Scripts start with vfork on JDK 17: 1.4 ms less per process than the default posix_spawn,
    // which execs a helper first (docs/benchmarks.md). Newer JDKs deprecate vfork; keep theirs.
    if (Runtime.version().feature() < 21 && System.getProperty(LAUNCH_MECHANISM) == null) {
      System.setProperty(LAUNCH_MECHANISM, "VFORK");
    }
    Quarkus.run(ShiprunMain.class, args);
  }

  @Override
  public int run(String... args) {
    return commandLine.execute(args);
  }
}
