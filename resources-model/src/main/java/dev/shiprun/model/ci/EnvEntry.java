package dev.shiprun.model.ci;

import dev.shiprun.model.diagnostic.SourceLocation;
import java.util.List;
import java.util.Objects;

/**
 * One item of an {@code env:} list: one string or one map, which may set several variables. An item
 * of {@code env.matrix} is one matrix job.
 */
public record EnvEntry(List<EnvItem> items, SourceLocation at) {

  public EnvEntry {
    items = List.copyOf(items);
    Objects.requireNonNull(at, "at");
  }

  /**
   * What makes two entries the same for {@code exclude} and {@code allow_failures}: the variables
   * as {@code NAME=value} and the secure blobs as written, in order.
   */
  public List<String> key() {
    return items.stream().map(EnvItem::key).toList();
  }
}
