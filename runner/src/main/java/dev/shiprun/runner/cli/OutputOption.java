package dev.shiprun.runner.cli;

import picocli.CommandLine.Option;

/**
 * {@code -o, --output FORMAT}: text for people, json for machines. One declaration for every
 * command that prints either; a command that words its help differently does so in {@code
 * OptionWording.properties}.
 */
public class OutputOption {

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text or json. Default: ${DEFAULT-VALUE}.")
  OutputFormat format = OutputFormat.TEXT;

  public boolean json() {
    return format == OutputFormat.JSON;
  }
}
