package dev.shiprun.model;

import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.yaml.YamlScalar;
import java.util.Objects;

/**
 * A {@code secure:} value of the YAML: an encrypted blob of {@code KEY=value} pairs in a params
 * resource or in the CI {@code env:} of a shippable.yml. The model only tells shiprun's own blobs
 * ({@code shiprun:v1:…}, made by {@code shiprun encrypt}) from foreign ones (Shippable's, whose key
 * is gone); whether a shiprun blob opens is for the runner to say, with the home's key.
 *
 * @param origin where the value sits
 * @param owner the params resource's name, or the file whose CI {@code env:} holds it
 * @param blob the encrypted text as written, with its position
 */
public record SecureValue(Origin origin, String owner, YamlScalar blob) {

  /** The text every blob of shiprun starts with. */
  public static final String SHIPRUN_PREFIX = "shiprun:";

  /** Where a secure value sits. */
  public enum Origin {
    PARAMS,
    CI_ENV
  }

  public SecureValue {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(blob, "blob");
  }

  /** True for a blob {@code shiprun encrypt} made (it may still fail to open). */
  public boolean isShiprun() {
    return blob.text().strip().startsWith(SHIPRUN_PREFIX);
  }

  public SourceLocation at() {
    return blob.at();
  }

  /** "params resource 'deploy-params'" or "the CI env of shippable.yml", for messages. */
  public String describe() {
    return switch (origin) {
      case PARAMS -> "params resource '" + owner + "'";
      case CI_ENV -> "the CI env of " + owner;
    };
  }
}
