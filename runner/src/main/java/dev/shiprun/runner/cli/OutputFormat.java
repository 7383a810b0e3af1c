package dev.shiprun.runner.cli;

import java.util.Locale;

/**
 * The {@code --output} choices shared by commands ({@link OutputOption}): text for people, json for
 * machines. Read in any case, as every choice option of the CLI.
 */
public enum OutputFormat {
  TEXT,
  JSON;

  /** Lower case, so help, completion and messages show the words users type. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
