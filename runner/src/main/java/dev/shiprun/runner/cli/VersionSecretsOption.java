package dev.shiprun.runner.cli;

import picocli.CommandLine.Option;

/** {@code --store-masked-versions}, shared by the commands that run jobs. */
public class VersionSecretsOption {

  @Option(
      names = "--store-masked-versions",
      description =
          "Store a version a job posts that holds a secret with the secret as ***. Default:"
              + " refuse it, and the job fails.")
  boolean storeMaskedVersions;
}
