package dev.shiprun.model.parse;

import dev.shiprun.model.ShellWords;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.yaml.YamlScalar;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks a TASK's {@code runtime.options.options}: it must split as a shell splits it (AL011), and
 * hold none of the container options shiprun sets itself (AL125): the container's name and removal
 * ({@code --name}, {@code --rm}, {@code --cidfile}), running attached ({@code -d}/{@code --detach})
 * without a terminal ({@code -t}/{@code --tty}, which would merge stderr into stdout), the job's
 * environment ({@code --env-file}) and its working directory ({@code -w}/{@code --workdir}).
 */
final class ContainerOptionsCheck {

  /** Why shiprun sets each option itself, for the hint. */
  private static final Map<String, String> WHY =
      Map.ofEntries(
          Map.entry("--name", "shiprun names the container, to stop it on cancel and timeout"),
          Map.entry(
              "--cidfile", "shiprun keeps the container's ID, to wait for the engine's processes"),
          Map.entry("--rm", "shiprun removes the container when the script ends"),
          Map.entry("--detach", "shiprun runs the container attached, to stream its output"),
          Map.entry("-d", "shiprun runs the container attached, to stream its output"),
          Map.entry(
              "--tty", "shiprun runs the container without a terminal, so stderr stays apart"),
          Map.entry("-t", "shiprun runs the container without a terminal, so stderr stays apart"),
          Map.entry(
              "--env-file",
              "shiprun passes the job's environment in an env file of its own; add variables with"
                  + " runtime.options.env"),
          Map.entry("--workdir", "the script starts in the build folder, as on the host; cd in it"),
          Map.entry("-w", "the script starts in the build folder, as on the host; cd in it"));

  /** Short options without a value that may be grouped ({@code -dt}). */
  private static final String GROUPABLE = "dtiP";

  private final Diagnostics out;

  ContainerOptionsCheck(Diagnostics out) {
    this.out = out;
  }

  void check(YamlScalar options, String owner) {
    ShellWords.Result split = ShellWords.split(options.text());
    if (split instanceof ShellWords.Unclosed unclosed) {
      out.error(
          DiagnosticCode.AL011,
          options.at(),
          "runtime.options.options of "
              + owner
              + " has an unclosed "
              + (unclosed.what().equals("\\") ? "backslash at its end" : unclosed.what() + " quote")
              + ", so it cannot be split into container options",
          "close the quote, or escape the character with a backslash");
      return;
    }
    for (String word : ((ShellWords.Words) split).words()) {
      for (String option : conflicts(word)) {
        out.error(
            DiagnosticCode.AL125,
            options.at(),
            "runtime.options.options of "
                + owner
                + " sets '"
                + option
                + "', which shiprun sets itself for the TASK's container",
            "remove '" + option + "': " + WHY.get(option));
      }
    }
  }

  /** The options of shiprun's that {@code word} sets: {@code -dt} sets two. */
  static List<String> conflicts(String word) {
    if (word.startsWith("--")) {
      String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
      return WHY.containsKey(name) ? List.of(name) : List.of();
    }
    if (word.startsWith("-w")) {
      return List.of("-w");
    }
    if (word.length() >= 2
        && word.charAt(0) == '-'
        && word.chars().skip(1).allMatch(c -> GROUPABLE.indexOf(c) >= 0)) {
      return Stream.of("-d", "-t").filter(flag -> word.indexOf(flag.charAt(1)) > 0).toList();
    }
    return List.of();
  }
}
