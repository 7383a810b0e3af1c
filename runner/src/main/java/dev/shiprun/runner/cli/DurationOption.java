package dev.shiprun.runner.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** A duration option as people write it: {@code 90s}, {@code 15m}, {@code 2h}, or minutes. */
final class DurationOption {

  private static final Pattern FORM = Pattern.compile("(\\d{1,6})(ms|s|m|h)?");

  private DurationOption() {}

  static Duration parse(CommandSpec spec, String option, String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new ParameterException(
          spec.commandLine(),
          option + " needs a duration above zero such as 90s, 15m or 2h, not '" + text + "'");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "m" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofMinutes(n);
    };
  }
}
