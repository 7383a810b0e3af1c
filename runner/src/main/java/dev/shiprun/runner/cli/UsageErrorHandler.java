package dev.shiprun.runner.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A mistake on the command line: one line saying what is wrong ({@link UsageMessage}: never a value
 * that may be a secret), a suggestion when there is one, and where to read more. Exit code 2.
 *
 * <pre>
 * shiprun validate: unknown option '--outptu'
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
    err.println(name + ": " + describe(ex, args));
    Optional<String> secretHint = UsageMessage.secretHint(ex);
    if (secretHint.isPresent()) {
      err.println("hint: " + secretHint.get());
    } else if (ex instanceof UnmatchedArgumentException unmatched) {
      List<String> suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        err.println("hint: did you mean '" + suggestions.get(0) + "'?");
      }
    }
    err.println("try '" + name + " --help'");
    err.flush();
    return ExitCode.USAGE.code();
  }

  /** The mistake, except that a word where a command belongs is an unknown command. */
  private static String describe(ParameterException ex, String[] args) {
    if (ex instanceof UnmatchedArgumentException unmatched
        && !unmatched.isUnknownOption()
        && !ex.getCommandLine().getSubcommands().isEmpty()
        && !unmatched.getUnmatched().isEmpty()) {
      return "unknown command '" + unmatched.getUnmatched().get(0) + "'";
    }
    return UsageMessage.describe(ex, args);
  }
}
