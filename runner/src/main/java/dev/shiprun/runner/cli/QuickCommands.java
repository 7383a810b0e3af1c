package dev.shiprun.runner.cli;

import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.runner.resource.ResourceTypes;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;

/**
 * {@code validate}, {@code graph}, {@code doctor} and {@code --version} without booting Quarkus.
 * They only read YAML files or look at the machine and print, so their objects are made here by
 * hand, with the same constructors CDI calls. Booting Quarkus (its config, Arc, Vert.x, the REST
 * deployment, the log manager) is most of such a command's time: the benchmark row "CLI start:
 * shiprun validate" depends on this path (docs/benchmarks.md, "Speed tricks and the rows they
 * serve").
 *
 * <p>Only the launchers ask for this path ({@code -Dshiprun.quick-commands=true}: {@code
 * bin/shiprun} and the image's entrypoint); {@code java -jar} and the tests keep the one through
 * Quarkus, which is this path's test oracle: {@code DistributionIT} checks that both print the same
 * bytes and exit codes. No code these commands run logs, so the log manager Quarkus would install
 * is not missed.
 */
final class QuickCommands {

  static final String ENABLED = "shiprun.quick-commands";
  static final Set<String> NAMES = Set.of("validate", "graph", "doctor");

  private final Map<String, String> environment;

  QuickCommands(Map<String, String> environment) {
    this.environment = environment;
  }

  /** Whether this command line takes the quick path: asked for, and a command named here. */
  static boolean applies(String... args) {
    return Boolean.getBoolean(ENABLED)
        && ((args.length > 0 && NAMES.contains(args[0])) || ShiprunCommandLine.versionOnly(args));
  }

  /** Runs the command line as {@link ShiprunMain#run} would; returns its exit code. */
  int execute(String... args) {
    boolean debug = ShiprunMain.debug(setting("shiprun.debug", "SHIPRUN_DEBUG").orElse(null));
    return new ShiprunCommandLine(factory(), debug).execute(args);
  }

  /** The commands and what they need, as CDI would inject them; picocli's own for the rest. */
  CommandLine.IFactory factory() {
    // The resource types are loaded only when a line names a type spec §1.2 does not (a plugin's).
    AssemblyLineLoader loader = new AssemblyLineLoader(type -> ResourceTypes.load().knows(type));
    WorkingDirectory workingDirectory = new WorkingDirectory(setting("shiprun.cwd", "SHIPRUN_CWD"));
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
          CallerEnvironment caller = new CallerEnvironment();
          IntegrationStores stores =
              new IntegrationStores(new ShiprunHome(caller, workingDirectory), caller);
          return type.cast(new ValidateCommand(loader, workingDirectory, printer, stores));
        }
        if (type == GraphCommand.class) {
          return type.cast(new GraphCommand(loader, workingDirectory, printer));
        }
        if (type == DoctorCommand.class) {
          CallerEnvironment caller = new CallerEnvironment();
          return type.cast(new DoctorCommand(new ShiprunHome(caller, workingDirectory), caller));
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
