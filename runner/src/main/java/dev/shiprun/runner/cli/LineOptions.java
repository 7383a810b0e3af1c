package dev.shiprun.runner.cli;

import dev.shiprun.model.env.SecureParams;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.plan.PlanRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code plan} and {@code run} are told to work on: the line, the jobs, the integrations. */
public class LineOptions {

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description =
          "Directories (read with every folder below them) or YAML files of one assembly"
              + " line. Default: the current one.")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = {"-j", "--job"},
      paramLabel = "NAME",
      description =
          "A manual run of this job (repeatable), then what it triggers."
              + " Default: the whole line from its roots.")
  List<String> jobs = new ArrayList<>();

  @Mixin ExternalOption external = new ExternalOption();

  @Mixin RepoNameOption repoName = new RepoNameOption();

  @Option(
      names = "--no-downstream",
      description = "With --job: only the named jobs, not what they trigger.")
  boolean noDownstream;

  @Option(
      names = {"-i", "--integrations"},
      paramLabel = "FILE",
      description = "Account integrations (YAML, see the README); $${VAR} reads the environment.")
  Optional<Path> integrationsFile = Optional.empty();

  @Mixin ManagedOption managed = new ManagedOption();

  PlanRequest request(Map<String, Integration> integrations, SecureParams secure) {
    return new PlanRequest(jobs, !noDownstream, integrations, secure);
  }
}
