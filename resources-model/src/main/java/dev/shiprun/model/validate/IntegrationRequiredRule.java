package dev.shiprun.model.validate;

import dev.shiprun.model.Resource;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.graph.AssemblyLine;

/** integration and cliConfig resources exist to expose an integration: they must name one. */
final class IntegrationRequiredRule implements ValidationRule {

  @Override
  public void check(AssemblyLine line, Diagnostics out) {
    for (Resource r : line.resources()) {
      if (r.needsIntegration() && r.integration().isEmpty()) {
        out.error(
            DiagnosticCode.AL111,
            r.at(),
            r.type() + " resource '" + r.name() + "' has no 'integration'",
            "add 'integration: <name of an account integration>' (see shiprun plan "
                + "--integrations FILE)");
      }
    }
  }
}
