package dev.shiprun.model.parse;

import java.util.Objects;

/**
 * One YAML file of an assembly line: the name it is reported under (a path as the user wrote it)
 * and its bytes.
 */
public record PipelineFile(String name, byte[] bytes) {

  public PipelineFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bytes, "bytes");
  }

  /** shippable.templates.yml holds anchors for the other files, not jobs or resources. */
  public boolean isTemplates() {
    String base = name.substring(name.lastIndexOf('/') + 1);
    return base.equals("shippable.templates.yml") || base.equals("shippable.templates.yaml");
  }
}
