package dev.shiprun.runner.secrets;

import dev.shiprun.model.integration.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Opens the {@code secure:} blobs of a line with a home's values key, read once. A blob that does
 * not open says why in words for a diagnostic or a job's log: not shiprun's, another home's,
 * damaged, or this home has no key.
 */
public final class SecureValueReader {

  /** What a blob holds, or why it cannot be read. */
  public sealed interface Opening {}

  /** The pairs of a blob, every value a secret. */
  public record Opened(Map<String, Secret> pairs) implements Opening {
    public Opened {
      pairs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pairs));
    }
  }

  /** Why a blob cannot be read, never its content. */
  public record Unreadable(String why) implements Opening {}

  private final Optional<ValuesKey> key;
  private final String noKey;

  private SecureValueReader(Optional<ValuesKey> key, String noKey) {
    this.key = key;
    this.noKey = noKey;
  }

  static SecureValueReader with(ValuesKey key) {
    return new SecureValueReader(Optional.of(key), "");
  }

  /** A reader that opens nothing, because of {@code why}. */
  static SecureValueReader without(String why) {
    return new SecureValueReader(Optional.empty(), why);
  }

  public Opening open(String text) {
    if (!text.strip().startsWith(ValuesKey.PREFIX)) {
      return new Unreadable(
          text.strip().startsWith("shiprun:")
              ? "it is of a format this shiprun does not know (it reads '"
                  + ValuesKey.PREFIX
                  + "…'); encrypt it again with this shiprun"
              : "it is not a shiprun value");
    }
    Optional<ValuesKey.Blob> blob = ValuesKey.Blob.parse(text);
    if (blob.isEmpty()) {
      return new Unreadable(
          "it is damaged: not of the form " + ValuesKey.PREFIX + "KEY-ID:BASE64 that it starts as");
    }
    if (key.isEmpty()) {
      return new Unreadable(noKey);
    }
    String id = key.get().id();
    if (!blob.get().keyId().equals(id)) {
      return new Unreadable(
          "it was encrypted by another shiprun home (values key "
              + blob.get().keyId()
              + "; this home's is "
              + id
              + "); encrypt it again here with 'shiprun encrypt', or use that home");
    }
    Optional<String> text2 = key.get().open(blob.get());
    if (text2.isEmpty()) {
      return new Unreadable(
          "it is damaged: it does not decrypt with this home's values key "
              + id
              + " (changed or cut); encrypt it again with 'shiprun encrypt'");
    }
    Map<String, Secret> pairs = new LinkedHashMap<>();
    try {
      SecurePairs.parse(text2.get()).forEach((k, v) -> pairs.put(k, new Secret(v)));
    } catch (IntegrationInputException e) {
      return new Unreadable("it decrypts, but " + e.getMessage());
    }
    return new Opened(pairs);
  }
}
