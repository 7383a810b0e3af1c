package dev.shiprun.runner.ci.services;

import dev.shiprun.model.ci.CiConfig;
import dev.shiprun.runner.ci.CiServices;
import dev.shiprun.spi.JobContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code services:}: one bash line per service that starts it when the image has it, and otherwise
 * says in one line that the image lacks it and goes on. A service the image has but that does not
 * start fails the build, as a failing {@code ci} command would.
 */
public final class ServiceStarts implements CiServices {

  @Override
  public List<String> scriptLines(JobContext context, CiConfig config) {
    List<String> lines = new ArrayList<>();
    for (String name : config.services()) {
      Optional<KnownService> known = KnownService.named(name);
      if (known.isEmpty()) {
        lines.add(
            "echo "
                + quoted(
                    "shiprun does not know how to start the service '"
                        + name
                        + "': start it in ci"));
        continue;
      }
      KnownService service = known.get();
      String present =
          service.programs().stream()
              .map(p -> "command -v " + p + " >/dev/null 2>&1")
              .collect(Collectors.joining(" && "));
      lines.add(
          "if "
              + present
              + "; then "
              + service.start()
              + "; else echo "
              + quoted("the image has no " + name + ": add it to your image or start it in ci")
              + "; fi");
    }
    return lines;
  }

  /** {@code text} in single quotes for bash. */
  private static String quoted(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
