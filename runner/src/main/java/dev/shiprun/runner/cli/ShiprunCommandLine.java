package dev.shiprun.runner.cli;

import dev.shiprun.runner.cli.graph.GraphFormat;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import picocli.CommandLine;

/**
 * Builds the picocli command line for one invocation and runs it, mapping every outcome to an
 * {@link ExitCode}: usage mistakes to 2, anything unexpected to 3 without a stack trace.
 */
@Singleton
public class ShiprunCommandLine {

  private final CommandLine.IFactory factory;
  private final boolean debug;

  @Inject
  public ShiprunCommandLine(
      CommandLine.IFactory factory,
      @ConfigProperty(name = "shiprun.debug", defaultValue = "false") boolean debug) {
    this.factory = factory;
    this.debug = debug;
  }

  /** A fresh command tree, so its writers are the System.out/err of this invocation. */
  public CommandLine create() {
    return new CommandLine(ShiprunCommand.class, factory)
        .registerConverter(OutputFormat.class, new EnumChoice<>(OutputFormat.class))
        .registerConverter(GraphFormat.class, new EnumChoice<>(GraphFormat.class))
        .setParameterExceptionHandler(new UsageErrorHandler())
        .setExecutionExceptionHandler(new InternalErrorHandler(debug));
  }

  public int execute(String... args) {
    try {
      return create().execute(args);
    } catch (RuntimeException | Error e) {
      // Building the command tree failed (a command's constructor, a class that will not
      // link), or an Error its handlers let through: still one line and exit code 3.
      PrintWriter err = new PrintWriter(System.err, true);
      return new InternalErrorHandler(debug).report(e, err);
    }
  }
}
