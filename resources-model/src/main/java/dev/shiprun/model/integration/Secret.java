package dev.shiprun.model.integration;

import java.util.Objects;

/**
 * A secret value. {@link #toString()} is {@code ***}, so no record, log line or exception message
 * can print it by accident; code that really needs the value calls {@link #reveal()}.
 */
public final class Secret {

  private final String value;

  public Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "***";
  }
}
