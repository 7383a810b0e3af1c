package dev.shiprun.runner.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A mistake on the command line: one line saying what is wrong, a suggestion when picocli has one,
 * and where to read more. Exit code 2.
 *
 * <pre>
 * shiprun validate: unknown option: '--outptu'
 * hint: did you mean '--output'?
 * try 'shiprun validate --help'
 * </pre>
 */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    err.println(name + ": " + describe(ex));
    if (ex instanceof UnmatchedArgumentException unmatched) {
      List<String> suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        err.println("hint: did you mean '" + suggestions.get(0) + "'?");
      }
    }
    err.println("try '" + name + " --help'");
    err.flush();
    return ExitCode.USAGE.code();
  }

  /** Picocli's message, except that a word where a command belongs is an unknown command. */
  private static String describe(ParameterException ex) {
    if (ex instanceof UnmatchedArgumentException unmatched
        && !unmatched.isUnknownOption()
        && !ex.getCommandLine().getSubcommands().isEmpty()
        && !unmatched.getUnmatched().isEmpty()) {
      return "unknown command '" + unmatched.getUnmatched().get(0) + "'";
    }
    return oneLine(ex.getMessage());
  }

  /** Picocli's messages start upper case and may span lines; ours are one lower-case line. */
  static String oneLine(String message) {
    if (message == null || message.isBlank()) {
      return "invalid command line";
    }
    String flat = message.strip().replaceAll("\\s*\\R\\s*", "; ");
    if (flat.endsWith(".")) {
      flat = flat.substring(0, flat.length() - 1);
    }
    return flat.substring(0, 1).toLowerCase(Locale.ROOT) + flat.substring(1);
  }
}
