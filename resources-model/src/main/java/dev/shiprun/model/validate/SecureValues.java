package dev.shiprun.model.validate;

import dev.shiprun.model.SecureValue;
import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.diagnostic.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one wording of "this encrypted value cannot be read" (AL206), for the model's check of
 * foreign blobs and the runner's check of shiprun blobs against the home's key; and the step that
 * adds the runner's findings to a validation, as errors under {@code --strict-secrets}.
 */
public final class SecureValues {

  /** Why a blob that is not shiprun's cannot be read. */
  public static final String FOREIGN =
      "it is not a shiprun value (Shippable encrypted it with its subscription's key, which is"
          + " gone)";

  private SecureValues() {}

  /** The diagnostic for {@code value}, which cannot be read because of {@code why}. */
  public static Diagnostic unreadable(SecureValue value, String why, boolean strict) {
    String effect =
        value.origin() == SecureValue.Origin.PARAMS
            ? "a job that reads it runs without its variables"
            : "a CI build would run without its variables";
    return new Diagnostic(
        strict ? Severity.ERROR : Severity.WARNING,
        DiagnosticCode.AL206,
        "the encrypted value "
            + (value.origin() == SecureValue.Origin.PARAMS ? "of " : "in ")
            + value.describe()
            + " cannot be read: "
            + why,
        value.at(),
        List.of(
            effect
                + "; move its KEY=value pairs into a keyValuePair integration ('envs:' in an"
                + " integrations file, 'shiprun integration import FILE') listed under the job's"
                + " 'integrations:', or encrypt them for this home with 'shiprun encrypt' (pairs"
                + " on stdin) and put the blob it prints here",
            strict
                ? "--strict-secrets makes this an error; without it, it is a warning"
                : "--strict-secrets makes this an error"));
  }

  /**
   * {@code validation} with {@code more} diagnostics (the runner's AL206 findings) and, when {@code
   * strict}, every AL206 warning made an error, which makes the line invalid.
   */
  public static Validation with(Validation validation, List<Diagnostic> more, boolean strict) {
    if (more.isEmpty() && !strict) {
      return validation;
    }
    Diagnostics out = new Diagnostics();
    List<Diagnostic> all = new ArrayList<>(validation.diagnostics());
    all.addAll(more);
    for (Diagnostic d : all) {
      out.add(
          strict && d.code() == DiagnosticCode.AL206 && !d.isError()
              ? new Diagnostic(
                  Severity.ERROR,
                  d.code(),
                  d.message(),
                  d.at(),
                  List.of(
                      d.hints().get(0),
                      "--strict-secrets makes this an error; without it, it is a warning"))
              : d);
    }
    List<Diagnostic> sorted = out.sorted();
    Optional<ValidPipeline> valid =
        out.hasErrors() || validation.valid().isEmpty()
            ? Optional.empty()
            : Optional.of(new ValidPipeline(validation.valid().get().line(), sorted));
    return new Validation(validation.pipeline(), valid, sorted);
  }
}
