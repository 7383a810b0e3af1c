package dev.shiprun.model.diagnostic;

import java.util.List;
import java.util.Objects;

/**
 * One problem in the user's input, at a position, with optional hints that say how to fix it.
 *
 * <p>Messages are lower case, name the user's own identifiers and state the rule; hints say the fix
 * ("did you mean 'app-image'?").
 */
public record Diagnostic(
    Severity severity, DiagnosticCode code, String message, SourceLocation at, List<String> hints) {

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(at, "at");
    hints = List.copyOf(hints);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:col: error[AL104]: message} — the first line of the rendered form. */
  public String headline() {
    return at + ": " + severity.label() + "[" + code + "]: " + message;
  }

  @Override
  public String toString() {
    return headline();
  }
}
