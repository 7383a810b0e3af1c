package dev.shiprun.model.yaml;

import java.util.ArrayList;
import java.util.List;

/** A YAML sequence (list). */
public record YamlSequence(
    List<YamlValue> items, String file, int line, int column, YamlAnchor aliasOf)
    implements YamlValue {

  public YamlSequence {
    items = List.copyOf(items);
    Positions.check(file, line, column);
  }

  public YamlSequence(List<YamlValue> items, String file, int line, int column) {
    this(items, file, line, column, null);
  }

  @Override
  public YamlSequence usedAt(YamlAnchor anchor, String file, int line, int column) {
    return new YamlSequence(items, file, line, column, anchor); // the items are shared, not copied
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
