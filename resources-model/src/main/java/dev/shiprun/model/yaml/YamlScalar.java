package dev.shiprun.model.yaml;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A scalar as written. {@code plain} is false for quoted and block scalars, which YAML never reads
 * as booleans, numbers or null.
 */
public record YamlScalar(
    String text, boolean plain, String file, int line, int column, YamlAnchor aliasOf)
    implements YamlValue {

  public YamlScalar {
    Objects.requireNonNull(text, "text");
    Positions.check(file, line, column);
  }

  public YamlScalar(String text, boolean plain, String file, int line, int column) {
    this(text, plain, file, line, column, null);
  }

  @Override
  public YamlScalar usedAt(YamlAnchor anchor, String file, int line, int column) {
    return new YamlScalar(text, plain, file, line, column, anchor);
  }

  public boolean isNull() {
    return plain && (text.isEmpty() || text.equals("~") || text.equalsIgnoreCase("null"));
  }

  /**
   * YAML 1.1 booleans, as Shippable's parser read them: {@code switch: off} is false. Only plain
   * scalars count; {@code "off"} in quotes is a string.
   */
  public Optional<Boolean> asBoolean() {
    return Optional.ofNullable(asBooleanOrNull());
  }

  /** {@link #asBoolean} without an Optional: null when the scalar is not a YAML boolean. */
  public Boolean asBooleanOrNull() {
    if (!plain) {
      return null;
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "y" -> Boolean.TRUE;
      case "false", "no", "off", "n" -> Boolean.FALSE;
      default -> null;
    };
  }

  public OptionalLong asLong() {
    if (!plain) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(text.replace("_", "")));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public String describe() {
    if (isNull()) {
      return "an empty value";
    }
    if (asBoolean().isPresent()) {
      return "a boolean";
    }
    if (asLong().isPresent()) {
      return "a number";
    }
    return "a string";
  }

  @Override
  public Object toPlain() {
    if (isNull()) {
      return null;
    }
    Optional<Boolean> bool = asBoolean();
    if (bool.isPresent()) {
      return bool.get();
    }
    OptionalLong number = asLong();
    if (number.isPresent()) {
      return number.getAsLong();
    }
    if (plain) {
      try {
        if (text.matches("[-+]?(\\d+\\.\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
          return Double.parseDouble(text);
        }
      } catch (NumberFormatException e) {
        return text;
      }
    }
    return text;
  }
}
