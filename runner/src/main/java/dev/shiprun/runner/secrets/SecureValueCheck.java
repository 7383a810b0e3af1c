package dev.shiprun.runner.secrets;

import dev.shiprun.model.Pipeline;
import dev.shiprun.model.SecureValue;
import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.env.SecureParams;
import dev.shiprun.model.integration.Secret;
import dev.shiprun.model.validate.SecureValues;
import dev.shiprun.model.validate.Validation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The runner's step after loading a line: each shiprun {@code secure:} blob is tried against the
 * home's key. At validation, one that does not open is an AL206 warning (an error with {@code
 * --strict-secrets}), as the model makes for foreign blobs; at run time the opened pairs become the
 * params' variables. A line with no shiprun blob never reads the store.
 */
public final class SecureValueCheck {

  private SecureValueCheck() {}

  /** {@code validation} with an AL206 for every shiprun blob the home cannot open. */
  public static Validation check(
      Validation validation, Supplier<IntegrationStore> store, boolean strict) {
    List<SecureValue> mine = shiprunValues(validation.pipeline());
    List<Diagnostic> more = new ArrayList<>();
    if (!mine.isEmpty()) {
      SecureValueReader reader = store.get().secureValues();
      for (SecureValue value : mine) {
        if (reader.open(value.blob().text()) instanceof SecureValueReader.Unreadable u) {
          more.add(SecureValues.unreadable(value, u.why(), strict));
        }
      }
    }
    return SecureValues.with(validation, more, strict);
  }

  /**
   * The pairs of every params resource's blob and every CI {@code secure:} entry that opens, and
   * why the others do not.
   */
  public static SecureParams open(Pipeline pipeline, Supplier<IntegrationStore> store) {
    Map<String, Map<String, Secret>> values = new LinkedHashMap<>();
    Map<String, String> unreadable = new LinkedHashMap<>();
    Map<String, Map<String, Secret>> ciValues = new LinkedHashMap<>();
    Map<String, String> ciUnreadable = new LinkedHashMap<>();
    SecureValueReader reader = null;
    for (SecureValue value : pipeline.secureValues()) {
      boolean params = value.origin() == SecureValue.Origin.PARAMS;
      String key = params ? value.owner() : value.blob().text();
      Map<String, Map<String, Secret>> opened = params ? values : ciValues;
      Map<String, String> refused = params ? unreadable : ciUnreadable;
      if (!value.isShiprun()) {
        refused.put(key, SecureValues.FOREIGN);
        continue;
      }
      if (reader == null) {
        reader = store.get().secureValues();
      }
      SecureValueReader.Opening opening = reader.open(value.blob().text());
      if (opening instanceof SecureValueReader.Opened o) {
        opened.put(key, o.pairs());
      } else if (opening instanceof SecureValueReader.Unreadable u) {
        refused.put(key, u.why());
      } else {
        throw new AssertionError(opening);
      }
    }
    return new SecureParams(values, unreadable, ciValues, ciUnreadable);
  }

  private static List<SecureValue> shiprunValues(Pipeline pipeline) {
    List<SecureValue> out = new ArrayList<>();
    for (SecureValue v : pipeline.secureValues()) {
      if (v.isShiprun()) {
        out.add(v);
      }
    }
    return out;
  }
}
