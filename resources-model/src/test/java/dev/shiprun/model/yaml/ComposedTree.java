package dev.shiprun.model.yaml;

import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML values the library's way, the oracle of {@link TreeBuilder}: SnakeYAML's composer (its node
 * tree, its tag resolver) and a walk of that tree. Keys, merge keys and duplicate keys follow the
 * loader's rules; a value read through an alias stands where its anchor is (the node tree does not
 * say where the alias is written).
 */
final class ComposedTree {

  private final YamlLoader.LineMap lines;
  private final Diagnostics out;
  private final Map<Node, YamlValue> converted = new IdentityHashMap<>();

  private ComposedTree(YamlLoader.LineMap lines, Diagnostics out) {
    this.lines = lines;
    this.out = out;
  }

  static List<YamlValue> documents(
      String text, YamlLoader.LineMap lines, Diagnostics out, LoaderOptions options) {
    Composer composer =
        new Composer(
            new ParserImpl(new StreamReader(new StringReader(text)), options),
            new Resolver(),
            options);
    List<YamlValue> documents = new ArrayList<>();
    while (composer.checkNode()) {
      documents.add(new ComposedTree(lines, out).value(composer.getNode()));
    }
    return documents;
  }

  private YamlValue value(Node node) {
    YamlValue done = converted.get(node);
    if (done != null) {
      return done;
    }
    Mark at = node.getStartMark();
    String file = lines.fileOf(at.getLine());
    int line = lines.lineOf(at.getLine());
    int column = at.getColumn() + 1;
    YamlValue value;
    if (node instanceof ScalarNode s) {
      value =
          new YamlScalar(
              s.getValue(),
              s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN,
              file,
              line,
              column);
    } else if (node instanceof SequenceNode s) {
      List<YamlValue> items = new ArrayList<>(s.getValue().size());
      for (Node item : s.getValue()) {
        items.add(value(item));
      }
      value = new YamlSequence(items, file, line, column);
    } else {
      value = new YamlMapping(entries((MappingNode) node), file, line, column);
    }
    converted.put(node, value);
    return value;
  }

  private List<YamlEntry> entries(MappingNode node) {
    List<YamlEntry> entries = new ArrayList<>();
    List<YamlMapping> merges = new ArrayList<>();
    for (NodeTuple tuple : node.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode keyScalar)) {
        out.error(
            DiagnosticCode.AL008,
            lines.locate(keyNode.getStartMark()),
            "a key must be a plain name, found a complex key",
            "write the key as a string");
        continue;
      }
      if (keyScalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
          && "<<".equals(keyScalar.getValue())) {
        collectMerge(value(tuple.getValueNode()), merges);
        continue;
      }
      Mark keyAt = keyScalar.getStartMark();
      YamlScalar key =
          new YamlScalar(
              keyScalar.getValue(),
              true,
              lines.fileOf(keyAt.getLine()),
              lines.lineOf(keyAt.getLine()),
              keyAt.getColumn() + 1);
      YamlEntry first = find(entries, key.text());
      if (first != null) {
        out.error(
            DiagnosticCode.AL002,
            key.at(),
            "duplicate key '"
                + key.text()
                + "'; the later value would silently replace the earlier one",
            "first defined at " + first.key().at() + "; keep one of them");
        continue;
      }
      entries.add(new YamlEntry(key, value(tuple.getValueNode())));
    }
    for (YamlMapping merge : merges) {
      for (YamlEntry entry : merge.entries()) {
        if (find(entries, entry.name()) == null) {
          entries.add(entry);
        }
      }
    }
    return entries;
  }

  private static YamlEntry find(List<YamlEntry> entries, String name) {
    for (YamlEntry entry : entries) {
      if (entry.name().equals(name)) {
        return entry;
      }
    }
    return null;
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
}
