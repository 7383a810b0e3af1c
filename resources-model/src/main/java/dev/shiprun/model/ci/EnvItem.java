package dev.shiprun.model.ci;

import dev.shiprun.model.SecureValue;
import dev.shiprun.model.diagnostic.SourceLocation;
import java.util.Objects;

/** One thing an {@code env:} entry of a CI shippable.yml sets (spec §2.2). */
public sealed interface EnvItem {

  SourceLocation at();

  /** {@code NAME=value}, or {@code secure:} and the blob: what tells two items apart. */
  String key();

  /** {@code NAME=value}, from an {@code "A=1 B=2"} string or a {@code {NAME: value}} map. */
  record Variable(String name, String value, SourceLocation at) implements EnvItem {
    public Variable {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(at, "at");
    }

    @Override
    public String key() {
      return name + "=" + value;
    }
  }

  /** A {@code {secure: BLOB}} item: the encrypted pairs, kept closed; only the runner opens it. */
  record Secure(SecureValue value) implements EnvItem {
    public Secure {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public SourceLocation at() {
      return value.at();
    }

    @Override
    public String key() {
      return "secure:" + value.blob().text();
    }
  }
}
