package dev.shiprun.model.yaml;

import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
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
 * or its tag resolver: pipelines read every scalar as text, and the node tree and the resolver's
 * patterns show in the row "parse+validate+plan" (docs/benchmarks.md, "Speed tricks and the rows
 * they serve"). The composer's tree is this class's test oracle ({@code TreeBuilderOracleTest}).
 *
 * <p>An alias shares the value its anchor produced (values are immutable): it gets a value object
 * of its own that stands at the alias and names the anchor, but the items or entries under it are
 * the anchor's, so an alias bomb costs no memory here; what it would cost whoever walks the tree is
 * counted instead: every anchor remembers how many values it expands to and how deep it nests, and
 * each alias adds that to the document's budget. One builder per file.
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
  private final Map<String, Mark> open = new HashMap<>();

  /**
   * The items and entries of the collections being read, innermost last: one stack each for the
   * document, not a growing list per collection (that showed in the 10,000-job profile).
   */
  private final List<YamlValue> items = new ArrayList<>();

  private final List<YamlEntry> entries = new ArrayList<>();

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

  // Positions stay SnakeYAML marks until a value or a diagnostic needs them.

  private YamlScalar scalar(String text, boolean plain, Mark at) {
    int line0 = at.getLine();
    return new YamlScalar(
        text, plain, lines.fileOf(line0), lines.lineOf(line0), at.getColumn() + 1);
  }

  /**
   * Reads one value. {@code container} is where the enclosing collection starts: the place to blame
   * when an alias used in it expands too far.
   */
  private YamlValue value(int depth, Mark container) {
    Event event = parser.getEvent();
    if (event instanceof AliasEvent alias) {
      return alias(alias, depth, container);
    }
    Mark at = event.getStartMark();
    count(at);
    if (event instanceof ScalarEvent scalar) {
      YamlScalar value = scalar(scalar.getValue(), scalar.isPlain(), at);
      lastHeight = 0;
      remember(scalar.getAnchor(), value, produced - 1, 0);
      return value;
    }
    CollectionStartEvent start = (CollectionStartEvent) event;
    if (depth >= maxNestingDepth) {
      throw new YamlLoader.TooDeep(lines.locate(at), maxNestingDepth, false);
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

  private void count(Mark blame) {
    if (++produced > budget) {
      throw new YamlLoader.BudgetExceeded(lines.locate(blame), budget);
    }
  }

  private void remember(String anchor, YamlValue value, long producedBefore, int height) {
    if (anchor != null) {
      anchors.put(anchor, new Anchored(value, produced - producedBefore, height));
    }
  }

  private YamlValue alias(AliasEvent alias, int depth, Mark container) {
    Mark at = alias.getStartMark();
    String name = alias.getAnchor();
    Mark cycle = open.get(name);
    if (cycle != null) {
      out.error(
          DiagnosticCode.AL006,
          lines.locate(cycle),
          "an alias refers to the value that contains it",
          "a value cannot include itself; copy the part you need instead");
      lastHeight = 0;
      return scalar("", true, at);
    }
    Anchored anchored = anchors.get(name);
    if (anchored == null) {
      throw new YamlLoader.UndefinedAlias(lines.locate(at), name);
    }
    Mark blame = container == null ? at : container;
    if (!(anchored.value() instanceof YamlScalar) && ++collectionAliases > maxCollectionAliases) {
      throw new YamlLoader.TooManyAliases(lines.locate(blame), maxCollectionAliases);
    }
    produced += anchored.size();
    if (produced > budget) {
      throw new YamlLoader.BudgetExceeded(lines.locate(blame), budget);
    }
    if (depth + anchored.height() > maxExpandedDepth) {
      throw new YamlLoader.TooDeep(lines.locate(blame), maxExpandedDepth, true);
    }
    lastHeight = anchored.height();
    // The value is shared; only where it stands is new: the alias, with the anchor it names.
    YamlValue value = anchored.value();
    int line0 = at.getLine();
    return value.usedAt(
        new YamlAnchor(name, value.at()),
        lines.fileOf(line0),
        lines.lineOf(line0),
        at.getColumn() + 1);
  }

  private YamlSequence sequence(Mark at, int depth) {
    int start = items.size();
    int height = 0;
    while (!parser.checkEvent(Event.ID.SequenceEnd)) {
      YamlValue item = value(depth + 1, at); // pushes and pops its own items above ours
      items.add(item);
      height = Math.max(height, lastHeight + 1);
    }
    parser.getEvent();
    lastHeight = height;
    int line0 = at.getLine();
    return new YamlSequence(
        pop(items, start), lines.fileOf(line0), lines.lineOf(line0), at.getColumn() + 1);
  }

  private YamlMapping mapping(Mark at, int depth) {
    KeyIndex seen = new KeyIndex(entries.size());
    List<YamlMapping> merges = null; // most mappings merge nothing
    int height = 0;
    while (!parser.checkEvent(Event.ID.MappingEnd)) {
      Event keyEvent = parser.peekEvent();
      if (keyEvent instanceof ScalarEvent keyScalar
          && keyScalar.isPlain()
          && "<<".equals(keyScalar.getValue())) {
        parser.getEvent();
        if (merges == null) {
          merges = new ArrayList<>();
        }
        collectMerge(value(depth + 1, at), merges);
        height = Math.max(height, lastHeight + 1);
        continue;
      }
      if (!(keyEvent instanceof ScalarEvent keyScalar)) {
        Mark keyAt = keyEvent.getStartMark();
        value(depth + 1, at); // read and drop the complex key
        out.error(
            DiagnosticCode.AL008,
            lines.locate(keyAt),
            "a key must be a plain name, found a complex key",
            "write the key as a string");
        value(depth + 1, at);
        continue;
      }
      parser.getEvent();
      YamlScalar key = scalar(keyScalar.getValue(), true, keyScalar.getStartMark());
      YamlScalar first = seen.first(key.text());
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
            "first defined at " + first.at() + "; keep one of them");
        continue;
      }
      seen.add(new YamlEntry(key, value));
    }
    parser.getEvent();
    if (merges != null) {
      for (YamlMapping merge : merges) {
        for (YamlEntry entry : merge.entries()) {
          if (seen.first(entry.name()) == null) {
            seen.add(entry);
          }
        }
      }
    }
    lastHeight = height;
    int line0 = at.getLine();
    return new YamlMapping(
        pop(entries, seen.start), lines.fileOf(line0), lines.lineOf(line0), at.getColumn() + 1);
  }

  /** The top of {@code stack} from {@code start}, as an immutable list, taken off the stack. */
  private static <T> List<T> pop(List<T> stack, int start) {
    List<T> top = stack.subList(start, stack.size());
    List<T> copy = List.copyOf(top);
    top.clear();
    return copy;
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
   * The keys of one mapping so far: its entries on the stack from {@code start}. Most mappings have
   * a handful of keys, where a scan of the entries beats a hash map per mapping (that allocation
   * showed in the 10,000-job profile); long ones get a map.
   */
  private final class KeyIndex {
    private static final int SCAN_LIMIT = 12;
    private final int start;
    private Map<String, YamlScalar> index;

    KeyIndex(int start) {
      this.start = start;
    }

    /** The key {@code name} was first written with, or null. */
    YamlScalar first(String name) {
      if (index != null) {
        return index.get(name);
      }
      for (int i = start; i < entries.size(); i++) {
        YamlEntry entry = entries.get(i);
        if (entry.name().equals(name)) {
          return entry.key();
        }
      }
      return null;
    }

    void add(YamlEntry entry) {
      entries.add(entry);
      if (index != null) {
        index.put(entry.name(), entry.key());
      } else if (entries.size() - start > SCAN_LIMIT) {
        index = new HashMap<>();
        for (int i = start; i < entries.size(); i++) {
          YamlEntry e = entries.get(i);
          index.putIfAbsent(e.name(), e.key());
        }
      }
    }
  }
}
