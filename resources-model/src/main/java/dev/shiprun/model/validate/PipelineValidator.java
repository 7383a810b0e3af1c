package dev.shiprun.model.validate;

import dev.shiprun.model.Pipeline;
import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.graph.ExternalNames;
import java.util.List;
import java.util.Optional;

/**
 * Checks a parsed pipeline with every rule in one pass. The result holds parse and validation
 * diagnostics together; a {@link ValidPipeline} only when there is no error.
 */
public final class PipelineValidator {

  private final List<ValidationRule> rules;

  public PipelineValidator() {
    this(ValidationOptions.DEFAULT);
  }

  public PipelineValidator(ValidationOptions options) {
    this(
        List.of(
            new ManagedJobRule(options),
            new DuplicateNameRule(),
            new ReferenceRule(),
            new ExternalNameRule(),
            new InAndOutRule(),
            new CycleRule(),
            new IntegrationRequiredRule(),
            new PinRule(),
            new TaskRule(),
            new NotifyRule(),
            new ReplicateRule(),
            new EnvNameRule(),
            new SecureValueRule()));
  }

  public PipelineValidator(List<ValidationRule> rules) {
    this.rules = List.copyOf(rules);
  }

  public Validation validate(Pipeline pipeline, List<Diagnostic> parseDiagnostics) {
    return validate(pipeline, parseDiagnostics, ExternalNames.NONE);
  }

  /** As {@link #validate(Pipeline, List)}, with names another repository defines. */
  public Validation validate(
      Pipeline pipeline, List<Diagnostic> parseDiagnostics, ExternalNames external) {
    Diagnostics out = new Diagnostics();
    out.addAll(parseDiagnostics);
    // A name the files define is not external after all: the line uses the definition (and a
    // definition in the repository that called it external is reported).
    ExternalNameRule.definedHere(pipeline, external, out);
    AssemblyLine line =
        new AssemblyLine(
            pipeline,
            external.without(n -> pipeline.resource(n).isPresent() || pipeline.job(n).isPresent()));
    for (ValidationRule rule : rules) {
      rule.check(line, out);
    }
    List<Diagnostic> all = out.sorted();
    Optional<ValidPipeline> valid =
        out.hasErrors() ? Optional.empty() : Optional.of(new ValidPipeline(line, all));
    return new Validation(pipeline, valid, all);
  }
}
