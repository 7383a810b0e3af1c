package dev.shiprun.model.validate;

import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.graph.AssemblyLine;

/** One check of an assembly line. Rules are stateless; each reports every problem it finds. */
public interface ValidationRule {

  void check(AssemblyLine line, Diagnostics out);
}
