package dev.shiprun.runner.cli;

import java.util.Map;

/**
 * The environment of the process that ran shiprun, read by {@code ${VAR}} in an integrations file,
 * by the home's and the plugins' variables, and passed on to jobs.
 */
public class CallerEnvironment {

  private final Map<String, String> variables;

  public CallerEnvironment(Map<String, String> variables) {
    this.variables = variables;
  }

  public Map<String, String> variables() {
    return variables;
  }
}
