package dev.shiprun.runner.cli;

import picocli.CommandLine.Option;

/**
 * {@code -o, --output FORMAT}: text for people, json for machines. One declaration, and one
 * wording, for every command that prints either (a resource bundle per command would cost each
 * start a scan of the runtime's modules: docs/benchmarks.md).
 */
public class OutputOption {

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "How to show the result: text or json. Default: ${DEFAULT-VALUE}.")
  OutputFormat format = OutputFormat.TEXT;

  public boolean json() {
    return format == OutputFormat.JSON;
  }
}
