package dev.shiprun.model.yaml;

import java.util.ArrayList;
import java.util.List;

/** A YAML sequence (list). */
public record YamlSequence(List<YamlValue> items, String file, int line, int column)
    implements YamlValue {

  public YamlSequence {
    items = List.copyOf(items);
    Positions.check(file, line, column);
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
