package dev.shiprun.runner.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --external NAME}: names another repository's line defines, for one repository alone. */
public class ExternalOption {

  @Option(
      names = "--external",
      paramLabel = "NAME",
      split = ",",
      description =
          "A resource or job another repository's line defines (repeatable, or NAME,NAME):"
              + " a warning instead of an unknown name; its jobs are left out of a run."
              + " Also read: an 'external:' list in DIR/shippable.shiprun.yml.")
  List<String> names = new ArrayList<>();
}
