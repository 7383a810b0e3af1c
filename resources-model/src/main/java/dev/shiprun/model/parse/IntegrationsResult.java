package dev.shiprun.model.parse;

import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.SourceSet;
import dev.shiprun.model.integration.Integration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What reading an integrations file produced: the integrations that could be read, by name in file
 * order, every problem found, and the file's text so diagnostics can quote the line.
 */
public record IntegrationsResult(
    Map<String, Integration> integrations, List<Diagnostic> diagnostics, SourceSet sources) {

  public IntegrationsResult {
    integrations = Collections.unmodifiableMap(new LinkedHashMap<>(integrations));
    diagnostics = List.copyOf(diagnostics);
    Objects.requireNonNull(sources, "sources");
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
