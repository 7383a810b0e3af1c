package dev.shiprun.runner.cli;

import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The environment of the process that ran shiprun, read by {@code ${VAR}} in an integrations file.
 * A bean of its own so tests can replace it.
 */
@Singleton
public class CallerEnvironment {

  public Map<String, String> variables() {
    return System.getenv();
  }
}
