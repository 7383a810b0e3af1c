package dev.shiprun.model.env;

import java.util.Objects;

/** One variable of a job's environment, and where it comes from ("job", "IN app-image" …). */
public record EnvVar(String name, EnvValue value, String origin) {

  public EnvVar {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(origin, "origin");
  }

  @Override
  public String toString() {
    return name + "=" + value.display();
  }
}
