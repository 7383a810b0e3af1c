package dev.shiprun.runner.exec;

import java.util.Locale;
import java.util.Objects;

/**
 * One item of a TASK's script or of a hook section, as a log names it.
 *
 * @param index 0-based, as in the YAML list
 * @param count how many items the section has
 */
public record ScriptItem(Section section, int index, int count) {

  /** The lists a task wrapper runs; their YAML names are their names in lower case. */
  public enum Section {
    SCRIPT,
    ON_SUCCESS,
    ON_FAILURE,
    ALWAYS;

    public String yamlName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public ScriptItem {
    Objects.requireNonNull(section, "section");
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException("item " + index + " of " + count);
    }
  }

  /** {@code script item 3 of 5}: counted from 1, as people count. */
  @Override
  public String toString() {
    return section.yamlName() + " item " + (index + 1) + " of " + count;
  }
}
