package dev.shiprun.runner.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Builds the picocli command line for one invocation and runs it, mapping every outcome to an
 * {@link ExitCode}: usage mistakes to 2, anything unexpected to 3 without a stack trace.
 */
public class ShiprunCommandLine {

  /** Commands that describe the whole tree, so they get every subcommand built. */
  private static final Set<String> DESCRIBE_ALL = Set.of("completion", "man-pages");

  private final CommandLine.IFactory factory;
  private final boolean debug;

  /** {@code debug}: internal errors show their stack trace ({@code shiprun.debug}). */
  public ShiprunCommandLine(CommandLine.IFactory factory, boolean debug) {
    this.factory = factory;
    this.debug = debug;
  }

  /** A fresh command tree with every subcommand (help, completion, tests). */
  public CommandLine create() {
    return create(new String[0]);
  }

  /**
   * A fresh command tree, so its writers are the System.out/err of this invocation. When {@code
   * args} start with a subcommand's name, only that subcommand is built (its help and errors are
   * the same); otherwise, and for {@code completion} and {@code man-pages}, which describe them
   * all, every one.
   */
  public CommandLine create(String... args) {
    CommandLine top = new CommandLine(ShiprunCommand.class, factory);
    String first = args.length == 0 ? "" : args[0];
    if (versionOnly(args)) {
      // The version names no subcommand: nothing to build.
      return configure(top);
    }
    List<Class<?>> wanted = new ArrayList<>();
    for (Class<?> command : ShiprunCommand.SUBCOMMANDS) {
      String name = command.getAnnotation(Command.class).name();
      if (name.equals(first) && !DESCRIBE_ALL.contains(name)) {
        wanted.add(command);
      }
    }
    for (Class<?> command : wanted.isEmpty() ? ShiprunCommand.SUBCOMMANDS : wanted) {
      top.addSubcommand(new CommandLine(command, factory));
    }
    return configure(top);
  }

  /** {@code shiprun --version} (or {@code -V}) alone. */
  public static boolean versionOnly(String... args) {
    return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
  }

  private CommandLine configure(CommandLine top) {
    // Settings and handlers reach the subcommands added before them: add those first.
    return top.setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(new UsageErrorHandler())
        .setExecutionExceptionHandler(new InternalErrorHandler(debug));
  }

  public int execute(String... args) {
    try {
      return create(args).execute(args);
    } catch (RuntimeException | Error e) {
      // Building the command tree failed (a command's constructor, a class that will not
      // link), or an Error its handlers let through: still one line and exit code 3.
      PrintWriter err = new PrintWriter(System.err, true);
      return new InternalErrorHandler(debug).report(e, err);
    }
  }
}
