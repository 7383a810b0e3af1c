package dev.shiprun.model.diagnostic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the diagnostics of one pass. Not thread-safe: one instance per load or validation, so
 * every problem is reported at once instead of stopping at the first.
 */
public final class Diagnostics {

  private final List<Diagnostic> items = new ArrayList<>();

  public void error(DiagnosticCode code, SourceLocation at, String message, String... hints) {
    items.add(new Diagnostic(Severity.ERROR, code, message, at, List.of(hints)));
  }

  public void warning(DiagnosticCode code, SourceLocation at, String message, String... hints) {
    items.add(new Diagnostic(Severity.WARNING, code, message, at, List.of(hints)));
  }

  public void add(Diagnostic diagnostic) {
    items.add(diagnostic);
  }

  public void addAll(List<Diagnostic> diagnostics) {
    items.addAll(diagnostics);
  }

  public boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  /** The diagnostics in file, line, column order (stable for equal positions). */
  public List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(items);
    copy.sort(ORDER);
    return List.copyOf(copy);
  }

  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing((Diagnostic d) -> d.at().file())
          .thenComparingInt(d -> d.at().line())
          .thenComparingInt(d -> d.at().column());
}
