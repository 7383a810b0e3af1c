package dev.shiprun.model.yaml;

import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.diagnostic.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Builds {@link YamlValue} trees straight from the parser's events, without SnakeYAML's node tree
 * or its tag resolver: pipelines read every scalar as text, and on a 5 MiB line the node tree and
 * the resolver's patterns cost a third of the load time and double the live heap.
 *
 * <p>An alias shares the value its anchor produced (values are immutable), so an alias bomb costs
 * no memory here; what it would cost whoever walks the tree is counted instead: every anchor
 * remembers how many values it expands to and how deep it nests, and each alias adds that to the
 * document's budget. One builder per file.
 */
final class TreeBuilder {

  /** An anchored value and what one use of it expands to. */
  private record Anchored(YamlValue value, long size, int height) {}

  private final Parser parser;
  private final YamlLoader.LineMap lines;
  private final Diagnostics out;
  private final long budget;
  private final int maxExpandedDepth;
  private final int maxNestingDepth;
  private final int maxCollectionAliases;

  private final Map<String, Anchored> anchors = new HashMap<>();

  /** Anchors whose value is still being read: an alias to one of them would contain itself. */
  private final Map<String, SourceLocation> open = new HashMap<>();

  private long produced;
  private int collectionAliases;

  /** Height of the value the last {@link #value} call returned (a scalar is 0). */
  private int lastHeight;

  TreeBuilder(
      Parser parser,
      YamlLoader.LineMap lines,
      Diagnostics out,
      long budget,
      int maxNestingDepth,
      int maxCollectionAliases) {
    this.parser = parser;
    this.lines = lines;
    this.out = out;
    this.budget = budget;
    this.maxNestingDepth = maxNestingDepth;
    this.maxExpandedDepth = 2 * maxNestingDepth;
    this.maxCollectionAliases = maxCollectionAliases;
  }

  /** Reads every document of the stream. */
  List<YamlValue> documents() {
    List<YamlValue> documents = new ArrayList<>();
    parser.getEvent(); // stream start
    while (!parser.checkEvent(Event.ID.StreamEnd)) {
      parser.getEvent(); // document start
      // Anchors are per document (YAML 1.1 §3.2.2.2 via SnakeYAML's composer).
      anchors.clear();
      documents.add(value(0, null));
      parser.getEvent(); // document end
    }
    parser.getEvent(); // stream end
    return documents;
  }

  private SourceLocation at(Event event) {
    Mark mark = event.getStartMark();
    return lines.locate(mark.getLine(), mark.getColumn());
  }

  /**
   * Reads one value. {@code container} is where the enclosing collection starts: the place to blame
   * when an alias used in it expands too far.
   */
  private YamlValue value(int depth, SourceLocation container) {
    Event event = parser.getEvent();
    if (event instanceof AliasEvent alias) {
      return alias(alias, depth, container);
    }
    SourceLocation at = at(event);
    count(at);
    if (event instanceof ScalarEvent scalar) {
      YamlScalar value = new YamlScalar(scalar.getValue(), scalar.isPlain(), at);
      lastHeight = 0;
      remember(scalar.getAnchor(), value, produced - 1, 0);
      return value;
    }
    CollectionStartEvent start = (CollectionStartEvent) event;
    if (depth >= maxNestingDepth) {
      throw new YamlLoader.TooDeep(at, maxNestingDepth, false);
    }
    String anchor = start.getAnchor();
    if (anchor != null) {
      open.put(anchor, at);
    }
    long before = produced - 1;
    YamlValue value =
        start instanceof SequenceStartEvent ? sequence(at, depth) : mapping(at, depth);
    if (anchor != null) {
      open.remove(anchor);
      remember(anchor, value, before, lastHeight);
    }
    return value;
  }

  private void count(SourceLocation blame) {
    if (++produced > budget) {
      throw new YamlLoader.BudgetExceeded(blame, budget);
    }
  }

  private void remember(String anchor, YamlValue value, long producedBefore, int height) {
    if (anchor != null) {
      anchors.put(anchor, new Anchored(value, produced - producedBefore, height));
    }
  }

  private YamlValue alias(AliasEvent alias, int depth, SourceLocation container) {
    SourceLocation at = at(alias);
    String name = alias.getAnchor();
    SourceLocation cycle = open.get(name);
    if (cycle != null) {
      out.error(
          DiagnosticCode.AL006,
          cycle,
          "an alias refers to the value that contains it",
          "a value cannot include itself; copy the part you need instead");
      lastHeight = 0;
      return new YamlScalar("", true, at);
    }
    Anchored anchored = anchors.get(name);
    if (anchored == null) {
      throw new YamlLoader.UndefinedAlias(at, name);
    }
    SourceLocation blame = container == null ? at : container;
    if (!(anchored.value() instanceof YamlScalar) && ++collectionAliases > maxCollectionAliases) {
      throw new YamlLoader.TooManyAliases(blame, maxCollectionAliases);
    }
    produced += anchored.size();
    if (produced > budget) {
      throw new YamlLoader.BudgetExceeded(blame, budget);
    }
    if (depth + anchored.height() > maxExpandedDepth) {
      throw new YamlLoader.TooDeep(blame, maxExpandedDepth, true);
    }
    lastHeight = anchored.height();
    return anchored.value();
  }

  private YamlSequence sequence(SourceLocation at, int depth) {
    List<YamlValue> items = new ArrayList<>();
    int height = 0;
    while (!parser.checkEvent(Event.ID.SequenceEnd)) {
      items.add(value(depth + 1, at));
      height = Math.max(height, lastHeight + 1);
    }
    parser.getEvent();
    lastHeight = height;
    return new YamlSequence(items, at);
  }

  private YamlMapping mapping(SourceLocation at, int depth) {
    List<YamlEntry> entries = new ArrayList<>();
    KeyIndex seen = new KeyIndex(entries);
    List<YamlMapping> merges = new ArrayList<>();
    int height = 0;
    while (!parser.checkEvent(Event.ID.MappingEnd)) {
      Event keyEvent = parser.peekEvent();
      if (keyEvent instanceof ScalarEvent keyScalar
          && keyScalar.isPlain()
          && "<<".equals(keyScalar.getValue())) {
        parser.getEvent();
        collectMerge(value(depth + 1, at), merges);
        height = Math.max(height, lastHeight + 1);
        continue;
      }
      if (!(keyEvent instanceof ScalarEvent keyScalar)) {
        SourceLocation keyAt = at(keyEvent);
        value(depth + 1, at); // read and drop the complex key
        out.error(
            DiagnosticCode.AL008,
            keyAt,
            "a key must be a plain name, found a complex key",
            "write the key as a string");
        value(depth + 1, at);
        continue;
      }
      parser.getEvent();
      YamlScalar key = new YamlScalar(keyScalar.getValue(), true, at(keyScalar));
      SourceLocation first = seen.firstAt(key.text());
      YamlValue value = value(depth + 1, at);
      height = Math.max(height, lastHeight + 1);
      if (first != null) {
        out.error(
            DiagnosticCode.AL002,
            key.at(),
            "duplicate key '"
                + key.text()
                + "'; the later value would silently replace the "
                + "earlier one",
            "first defined at " + first + "; keep one of them");
        continue;
      }
      seen.add(new YamlEntry(key, value));
    }
    parser.getEvent();
    for (YamlMapping merge : merges) {
      for (YamlEntry entry : merge.entries()) {
        if (seen.firstAt(entry.name()) == null) {
          seen.add(entry);
        }
      }
    }
    lastHeight = height;
    return new YamlMapping(entries, at);
  }

  private void collectMerge(YamlValue value, List<YamlMapping> merges) {
    if (value instanceof YamlMapping m) {
      merges.add(m);
    } else if (value instanceof YamlSequence s) {
      for (YamlValue item : s.items()) {
        collectMerge(item, merges);
      }
    } else {
      out.error(
          DiagnosticCode.AL008,
          value.at(),
          "a merge key '<<' needs a mapping or a list of mappings, found " + value.describe(),
          "write '<<: *anchor' where the anchor names a mapping");
    }
  }

  /**
   * The keys of one mapping so far. Most mappings have a handful of keys, where a scan of the
   * entries beats a hash map per mapping (that allocation showed in the 10,000-job profile); long
   * ones get a map.
   */
  private static final class KeyIndex {
    private static final int SCAN_LIMIT = 12;
    private final List<YamlEntry> entries;
    private Map<String, SourceLocation> index;

    KeyIndex(List<YamlEntry> entries) {
      this.entries = entries;
    }

    SourceLocation firstAt(String name) {
      if (index != null) {
        return index.get(name);
      }
      for (YamlEntry entry : entries) {
        if (entry.name().equals(name)) {
          return entry.key().at();
        }
      }
      return null;
    }

    void add(YamlEntry entry) {
      entries.add(entry);
      if (index != null) {
        index.put(entry.name(), entry.key().at());
      } else if (entries.size() > SCAN_LIMIT) {
        index = new HashMap<>();
        for (YamlEntry e : entries) {
          index.putIfAbsent(e.name(), e.key().at());
        }
      }
    }
  }
}
