package dev.shiprun.runner.cli;

import picocli.CommandLine.Option;

/** {@code --strict-secrets}, shared by validate, plan and run. */
public class SecretsOptions {

  @Option(
      names = "--strict-secrets",
      description =
          "An encrypted 'secure:' value this home cannot read (Shippable's, another home's,"
              + " a damaged one) is an error that makes the line invalid, not a warning.")
  boolean strict;
}
