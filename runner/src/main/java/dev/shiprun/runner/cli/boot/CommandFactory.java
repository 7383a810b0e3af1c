package dev.shiprun.runner.cli.boot;

import dev.shiprun.runner.cli.CallerEnvironment;
import dev.shiprun.runner.cli.DaemonCommand;
import dev.shiprun.runner.cli.DaemonHost;
import dev.shiprun.runner.cli.DiagnosticsPrinter;
import dev.shiprun.runner.cli.DoctorCommand;
import dev.shiprun.runner.cli.EncryptCommand;
import dev.shiprun.runner.cli.GraphCommand;
import dev.shiprun.runner.cli.HomePlugins;
import dev.shiprun.runner.cli.IntegrationStores;
import dev.shiprun.runner.cli.LineInput;
import dev.shiprun.runner.cli.LogsCommand;
import dev.shiprun.runner.cli.ManPagesCommand;
import dev.shiprun.runner.cli.PlanCommand;
import dev.shiprun.runner.cli.PluginsCommand;
import dev.shiprun.runner.cli.RunCommand;
import dev.shiprun.runner.cli.RunsCommand;
import dev.shiprun.runner.cli.ShiprunHome;
import dev.shiprun.runner.cli.ShiprunVersion;
import dev.shiprun.runner.cli.TriggerCommand;
import dev.shiprun.runner.cli.ValidateCommand;
import dev.shiprun.runner.cli.VersionsCommand;
import dev.shiprun.runner.cli.WorkingDirectory;
import dev.shiprun.runner.cli.integration.IntegrationAddCommand;
import dev.shiprun.runner.cli.integration.IntegrationImportCommand;
import dev.shiprun.runner.cli.integration.IntegrationListCommand;
import dev.shiprun.runner.cli.integration.IntegrationRemoveCommand;
import dev.shiprun.runner.cli.integration.IntegrationRotateKeyCommand;
import dev.shiprun.runner.cli.integration.IntegrationShowCommand;
import dev.shiprun.runner.cli.integration.IntegrationTestCommand;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The composition root of the command line, the one every command line uses: each command and what
 * it needs, made with their constructors from the process's environment, its {@link Settings}, the
 * version and, for {@code daemon} only, what Quarkus serves it with. picocli asks it for every
 * class it instantiates; what is not listed here (the top command, mixins, option groups, the
 * commands that need nothing) picocli makes itself.
 */
public final class CommandFactory implements CommandLine.IFactory {

  private final Map<Class<?>, Supplier<?>> commands;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  public CommandFactory(
      Map<String, String> environment,
      Settings settings,
      String version,
      Optional<DaemonHost> daemon) {
    CallerEnvironment caller = new CallerEnvironment(environment);
    WorkingDirectory directory = new WorkingDirectory(settings.workingDirectory());
    ShiprunHome home = new ShiprunHome(caller, directory);
    HomePlugins plugins = new HomePlugins(home, caller, directory);
    IntegrationStores stores = new IntegrationStores(home, caller, plugins);
    DiagnosticsPrinter printer = new DiagnosticsPrinter();
    LineInput input = new LineInput(plugins, stores, directory, printer, caller);
    ShiprunVersion shiprunVersion = new ShiprunVersion(version);
    Map<Class<?>, Supplier<?>> made = new HashMap<>();
    made.put(ValidateCommand.class, () -> new ValidateCommand(plugins, directory, printer, stores));
    made.put(GraphCommand.class, () -> new GraphCommand(plugins, directory, printer, home, stores));
    made.put(PlanCommand.class, () -> new PlanCommand(input, printer));
    made.put(RunCommand.class, () -> new RunCommand(input, home, caller));
    made.put(TriggerCommand.class, () -> new TriggerCommand(input, home, caller));
    made.put(VersionsCommand.class, () -> new VersionsCommand(home, stores));
    made.put(RunsCommand.class, () -> new RunsCommand(home));
    made.put(LogsCommand.class, () -> new LogsCommand(home));
    made.put(EncryptCommand.class, () -> new EncryptCommand(stores));
    made.put(PluginsCommand.class, () -> new PluginsCommand(plugins));
    made.put(DaemonCommand.class, () -> new DaemonCommand(home, plugins, caller, daemon));
    made.put(DoctorCommand.class, () -> new DoctorCommand(home, caller, plugins));
    made.put(ManPagesCommand.class, () -> new ManPagesCommand(shiprunVersion));
    made.put(ShiprunVersion.class, () -> shiprunVersion);
    made.put(
        IntegrationAddCommand.class, () -> new IntegrationAddCommand(stores, caller, directory));
    made.put(
        IntegrationImportCommand.class,
        () -> new IntegrationImportCommand(stores, caller, directory));
    made.put(IntegrationListCommand.class, () -> new IntegrationListCommand(stores));
    made.put(IntegrationShowCommand.class, () -> new IntegrationShowCommand(stores));
    made.put(IntegrationTestCommand.class, () -> new IntegrationTestCommand(stores));
    made.put(IntegrationRemoveCommand.class, () -> new IntegrationRemoveCommand(stores));
    made.put(
        IntegrationRotateKeyCommand.class, () -> new IntegrationRotateKeyCommand(stores, caller));
    this.commands = Map.copyOf(made);
  }

  /** The root of this process: its environment and settings, the jar's version, no daemon. */
  public static CommandFactory of(Map<String, String> environment, Settings settings) {
    return new CommandFactory(environment, settings, jarVersion(), Optional.empty());
  }

  /** The Maven version the jar's manifest holds, {@code unknown} outside a jar (tests). */
  public static String jarVersion() {
    return Optional.ofNullable(CommandFactory.class.getPackage().getImplementationVersion())
        .orElse("unknown");
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    Supplier<?> command = commands.get(type);
    return command == null ? fallback.create(type) : type.cast(command.get());
  }
}
