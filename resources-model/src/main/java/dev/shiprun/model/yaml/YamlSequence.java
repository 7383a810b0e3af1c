package dev.shiprun.model.yaml;

import dev.shiprun.model.diagnostic.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A YAML sequence (list). */
public record YamlSequence(List<YamlValue> items, SourceLocation at) implements YamlValue {

  public YamlSequence {
    items = List.copyOf(items);
    Objects.requireNonNull(at, "at");
  }

  @Override
  public String describe() {
    return "a list";
  }

  @Override
  public Object toPlain() {
    List<Object> out = new ArrayList<>(items.size());
    for (YamlValue item : items) {
      out.add(item.toPlain());
    }
    return out;
  }
}
