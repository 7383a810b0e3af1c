package dev.shiprun.runner.cli.boot;

import dev.shiprun.runner.cli.CallerEnvironment;
import dev.shiprun.runner.cli.DiagnosticsPrinter;
import dev.shiprun.runner.cli.DoctorCommand;
import dev.shiprun.runner.cli.GraphCommand;
import dev.shiprun.runner.cli.HomePlugins;
import dev.shiprun.runner.cli.IntegrationStores;
import dev.shiprun.runner.cli.ShiprunCommandLine;
import dev.shiprun.runner.cli.ShiprunHome;
import dev.shiprun.runner.cli.ShiprunVersion;
import dev.shiprun.runner.cli.ValidateCommand;
import dev.shiprun.runner.cli.WorkingDirectory;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;

/**
 * {@code validate}, {@code graph}, {@code doctor} and {@code --version} without booting Quarkus.
 * They only read YAML files or look at the machine and print, so their objects are made here by
 * hand, with the same constructors CDI calls. Booting Quarkus (its config, Arc, Vert.x, the REST
 * deployment, the log manager) is most of the time such a command takes (docs/benchmarks.md, "CLI
 * start: the profile, and the quick path").
 *
 * <p>Only the launchers ask for this path ({@code -Dshiprun.quick-commands=true}: {@code
 * bin/shiprun} and the image's entrypoint); {@code java -jar} and the tests keep the one through
 * Quarkus, and {@code DistributionIT} checks that both paths print the same bytes and exit codes.
 * No code these commands run logs, so the log manager Quarkus would install is not missed.
 */
final class QuickCommands {

  static final String ENABLED = "shiprun.quick-commands";
  static final Set<String> NAMES = Set.of("validate", "graph", "doctor");

  private final Map<String, String> environment;

  QuickCommands(Map<String, String> environment) {
    this.environment = environment;
  }

  /**
   * Whether this command line takes the quick path: asked for, and a command named here ({@code
   * graph} only without {@code --home}: with it, it opens the store, whose libraries log).
   */
  static boolean applies(String... args) {
    return Boolean.getBoolean(ENABLED)
        && ((args.length > 0 && NAMES.contains(args[0]) && !readsStore(args))
            || ShiprunCommandLine.versionOnly(args));
  }

  private static boolean readsStore(String... args) {
    return args[0].equals("graph")
        && Arrays.stream(args).anyMatch(a -> a.equals("--home") || a.startsWith("--home="));
  }

  /** Runs the command line as {@link ShiprunMain#run} would; returns its exit code. */
  int execute(String... args) {
    boolean debug = ShiprunMain.debug(setting("shiprun.debug", "SHIPRUN_DEBUG").orElse(null));
    return new ShiprunCommandLine(factory(), debug).execute(args);
  }

  /** The commands and what they need, as CDI would inject them; picocli's own for the rest. */
  CommandLine.IFactory factory() {
    WorkingDirectory workingDirectory = new WorkingDirectory(setting("shiprun.cwd", "SHIPRUN_CWD"));
    CallerEnvironment caller = new CallerEnvironment();
    ShiprunHome home = new ShiprunHome(caller, workingDirectory);
    HomePlugins plugins = new HomePlugins(home, caller, workingDirectory);
    DiagnosticsPrinter printer = new DiagnosticsPrinter();
    // The jar's manifest holds the Maven version, the value of quarkus.application.version.
    String version =
        Optional.ofNullable(ShiprunMain.class.getPackage().getImplementationVersion())
            .orElse("unknown");
    CommandLine.IFactory fallback = CommandLine.defaultFactory();
    return new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        if (type == ValidateCommand.class) {
          IntegrationStores stores = new IntegrationStores(home, caller, plugins);
          return type.cast(new ValidateCommand(plugins, workingDirectory, printer, stores));
        }
        if (type == GraphCommand.class) {
          IntegrationStores stores = new IntegrationStores(home, caller, plugins);
          return type.cast(new GraphCommand(plugins, workingDirectory, printer, home, stores));
        }
        if (type == DoctorCommand.class) {
          return type.cast(new DoctorCommand(home, caller, plugins));
        }
        if (type == ShiprunVersion.class) {
          return type.cast(new ShiprunVersion(version));
        }
        return fallback.create(type);
      }
    };
  }

  /** A setting as Quarkus reads it: the system property first, then the environment variable. */
  private Optional<String> setting(String property, String variable) {
    return Optional.ofNullable(System.getProperty(property))
        .or(() -> Optional.ofNullable(environment.get(variable)));
  }
}
