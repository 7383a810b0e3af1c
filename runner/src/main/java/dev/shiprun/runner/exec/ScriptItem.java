package dev.shiprun.runner.exec;

import java.util.Objects;

/**
 * One item of a TASK's script or of a hook section, as a log names it.
 *
 * @param index 0-based, as in the YAML list
 * @param count how many items the section has
 */
public record ScriptItem(Section section, int index, int count) {

  /** The lists a task wrapper runs, by their YAML names. */
  public enum Section {
    SCRIPT("script"),
    ON_SUCCESS("on_success"),
    ON_FAILURE("on_failure"),
    ALWAYS("always");

    private final String yamlName;

    Section(String yamlName) {
      this.yamlName = yamlName;
    }

    public String yamlName() {
      return yamlName;
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
