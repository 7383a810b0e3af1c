package dev.shiprun.model.validate;

import dev.shiprun.model.SecureValue;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.graph.AssemblyLine;

/**
 * A {@code secure:} value that is not shiprun's own (Shippable encrypted it with its subscription's
 * key, which is gone) cannot be read: one warning each, at the blob, saying how to move it. Whether
 * a shiprun blob opens needs the home's key: the runner checks those ({@link SecureValues}).
 */
final class SecureValueRule implements ValidationRule {

  @Override
  public void check(AssemblyLine line, Diagnostics out) {
    for (SecureValue value : line.pipeline().secureValues()) {
      if (!value.isShiprun()) {
        out.add(SecureValues.unreadable(value, SecureValues.FOREIGN, false));
      }
    }
  }
}
