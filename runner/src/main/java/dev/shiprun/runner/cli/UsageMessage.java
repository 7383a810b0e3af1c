package dev.shiprun.runner.cli;

import dev.shiprun.model.integration.IntegrationField;
import dev.shiprun.model.integration.IntegrationTypes;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one line of a usage mistake, without any value from the command line that may be a secret.
 * Picocli quotes the words it could not use, and a password typed where none belongs is one of them
 * ({@code --password made-up}); so an unknown option is named without what follows it or its {@code
 * =}, an argument that matches nothing by where it stands, a value given to a switch or a {@code
 * KEY=VALUE} option that is not one by its option only; a word that is none of a choice option's
 * words is repeated with the words there are. Other messages (a missing option, an option given
 * twice, a value of the wrong kind for a plain option) are picocli's.
 */
final class UsageMessage {

  /** An option's name as typed, before any {@code =}: what is safe to repeat of a token. */
  private static final Pattern OPTION_NAME = Pattern.compile("--?[A-Za-z][A-Za-z0-9-]*");

  private UsageMessage() {}

  static String describe(ParameterException ex, String[] args) {
    if (ex instanceof UnmatchedArgumentException unmatched) {
      return unmatched(unmatched, args);
    }
    ArgSpec spec = ex.getArgSpec();
    if (spec instanceof OptionSpec option && ex.getValue() != null) {
      if (option.type().isEnum() && !isChoice(option.type(), ex.getValue())) {
        return "invalid value for option '"
            + option.longestName()
            + "': expected "
            + choices(option.type())
            + ", not '"
            + ex.getValue()
            + "'";
      }
      if (isSwitch(option)) {
        return "option '"
            + option.longestName()
            + "' is a switch and takes no value (the value given is not repeated here)";
      }
      if (option.typeInfo().isMap()) {
        return "option '"
            + option.longestName()
            + "' takes "
            + option.paramLabel()
            + " (the value given is not repeated here)";
      }
    }
    return oneLine(ex.getMessage());
  }

  /**
   * A hint for an unknown option that names a secret field ({@code --password}, {@code --token}):
   * how secrets are given instead. Empty for any other mistake.
   */
  static Optional<String> secretHint(ParameterException ex) {
    if (!(ex instanceof UnmatchedArgumentException unmatched)
        || ex.getCommandLine().getCommandSpec().findOption("--password-stdin") == null) {
      return Optional.empty();
    }
    List<String> secretFields =
        IntegrationTypes.builtIn().all().stream()
            .flatMap(t -> t.fields().stream())
            .filter(IntegrationField::secret)
            .map(f -> f.name().toLowerCase(Locale.ROOT))
            .toList();
    boolean namesSecret =
        unmatched.getUnmatched().stream()
            .map(UsageMessage::optionName)
            .flatMap(Optional::stream)
            .map(n -> n.replaceFirst("^-+", "").toLowerCase(Locale.ROOT))
            .anyMatch(secretFields::contains);
    return namesSecret
        ? Optional.of(
            "a secret is never given on the command line (ps and your shell history show it):"
                + " pipe it to --password-stdin, or use --password-file FILE or --secret-env"
                + " FIELD=VARIABLE")
        : Optional.empty();
  }

  private static String unmatched(UnmatchedArgumentException ex, String[] args) {
    List<String> tokens = ex.getUnmatched();
    if (tokens.isEmpty()) {
      return oneLine(ex.getMessage());
    }
    Optional<String> option = optionName(tokens.get(0));
    int more = tokens.size() - 1 + (option.isPresent() && tokens.get(0).contains("=") ? 1 : 0);
    String notRepeated =
        more == 0
            ? ""
            : more == 1
                ? " (the value after it is not repeated here)"
                : " (the " + more + " values after it are not repeated here)";
    if (option.isPresent()) {
      return "unknown option '" + option.get() + "'" + notRepeated;
    }
    return "unexpected argument "
        + where(tokens.get(0), args)
        + (tokens.size() > 1 ? " and " + (tokens.size() - 1) + " more" : "")
        + " (not repeated here: it may be a secret)";
  }

  /** Where a token stands: after the option before it, or at its position among the arguments. */
  private static String where(String token, String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(token)) {
        Optional<String> before = i > 0 ? optionName(args[i - 1]) : Optional.empty();
        return before.map(b -> "after '" + b + "'").orElse("at position " + (i + 1));
      }
    }
    return "on the command line";
  }

  /** The option name a token starts with ({@code --password} of {@code --password=…}). */
  private static Optional<String> optionName(String token) {
    int eq = token.indexOf('=');
    String name = eq < 0 ? token : token.substring(0, eq);
    return OPTION_NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
  }

  /** Whether a value names one of an enum's constants, in any case, as picocli reads it. */
  private static boolean isChoice(Class<?> type, String value) {
    return Arrays.stream(type.getEnumConstants())
        .anyMatch(c -> ((Enum<?>) c).name().equalsIgnoreCase(value));
  }

  /** An enum's words as users type them: {@code text, dot, mermaid or json}. */
  private static String choices(Class<?> type) {
    List<String> words =
        Arrays.stream(type.getEnumConstants())
            .map(c -> c.toString().toLowerCase(Locale.ROOT))
            .toList();
    return words.size() == 1
        ? words.get(0)
        : String.join(", ", words.subList(0, words.size() - 1))
            + " or "
            + words.get(words.size() - 1);
  }

  private static boolean isSwitch(OptionSpec option) {
    Class<?> type = option.type();
    return option.arity().max() == 0 || type == boolean.class || type == Boolean.class;
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
