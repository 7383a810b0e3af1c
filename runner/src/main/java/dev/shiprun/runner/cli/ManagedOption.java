package dev.shiprun.runner.cli;

import dev.shiprun.model.validate.ValidationOptions;
import picocli.CommandLine.Option;

/** {@code --allow-managed}: Shippable's managed job types become warnings, and are not run. */
public class ManagedOption {

  @Option(
      names = "--allow-managed",
      description =
          "Jobs of Shippable's managed types (deploy, manifest, release, provision, …) are"
              + " warnings, not errors; plan and run show them as not run.")
  boolean allowManaged;

  ValidationOptions validation() {
    return new ValidationOptions(allowManaged);
  }
}
