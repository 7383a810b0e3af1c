package dev.shiprun.runner.cli;

import dev.shiprun.runner.plugin.PluginException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * shiprun itself broke: one line {@code shiprun: internal error: <what>} and exit code 3. The stack
 * trace is printed only when {@code SHIPRUN_DEBUG=1} (config {@code shiprun.debug}). A plugin that
 * cannot be used is exit code 3 too, its own line ({@code shiprun: plugin <jar>: ...}) saying why.
 */
public final class InternalErrorHandler implements CommandLine.IExecutionExceptionHandler {

  private final boolean debug;

  public InternalErrorHandler(boolean debug) {
    this.debug = debug;
  }

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine command, CommandLine.ParseResult parseResult) {
    command.getOut().flush();
    return report(ex, command.getErr());
  }

  public int report(Throwable ex, PrintWriter err) {
    if (ex instanceof PluginException plugin) {
      err.println("shiprun: " + plugin.getMessage());
      err.flush();
      return ExitCode.INTERNAL.code();
    }
    err.println(
        "shiprun: internal error: "
            + describe(ex)
            + (debug ? "" : " (set SHIPRUN_DEBUG=1 to see the stack trace)"));
    if (debug) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCode.INTERNAL.code();
  }

  /** The exception's simple name and message, following causes while the message is missing. */
  static String describe(Throwable ex) {
    Throwable t = ex;
    while (t.getMessage() == null && t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage();
    String what = t.getClass().getSimpleName();
    return message == null || message.isBlank()
        ? what
        : what + ": " + message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
