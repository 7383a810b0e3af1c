package dev.shiprun.model.env;

import dev.shiprun.model.integration.Secret;
import java.util.Objects;

/** The value of a job variable: plain text, or a secret that only {@code reveal()} shows. */
public sealed interface EnvValue {

  /** The value as shown to people: secrets as {@code ***}. */
  String display();

  boolean isSecret();

  record Plain(String text) implements EnvValue {
    public Plain {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String display() {
      return text;
    }

    @Override
    public boolean isSecret() {
      return false;
    }
  }

  record Hidden(Secret secret) implements EnvValue {
    public Hidden {
      Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String display() {
      return "***";
    }

    @Override
    public boolean isSecret() {
      return true;
    }
  }
}
