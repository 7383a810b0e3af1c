package dev.shiprun.model.validate;

/**
 * What a validation of one line allows, chosen by the caller (a command's options, a daemon
 * request). {@code allowManaged}: a job of a managed Shippable type (deploy, manifest, …) is a
 * warning, not an error, so the rest of the line can be validated, planned and run.
 */
public record ValidationOptions(boolean allowManaged) {

  /** Shippable's managed job types are errors: shiprun does not run them. */
  public static final ValidationOptions DEFAULT = new ValidationOptions(false);
}
