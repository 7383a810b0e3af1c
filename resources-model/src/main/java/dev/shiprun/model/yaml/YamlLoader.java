package dev.shiprun.model.yaml;

import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.diagnostic.SourceLocation;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads YAML bytes into {@link YamlValue} trees that keep positions. Every problem becomes a
 * diagnostic: syntax errors at the parser's position, duplicate keys, files that are empty, not
 * UTF-8, too large, or that expand too much through aliases (refused before memory grows).
 *
 * <p>Stateless and thread-safe: each call builds its own parser.
 */
public final class YamlLoader {

  private final YamlLimits limits;

  public YamlLoader(YamlLimits limits) {
    this.limits = limits;
  }

  /**
   * Text whose anchors the file may use (shippable.templates.yml). It is read in front of the file;
   * positions inside it are reported against its own name.
   */
  public record Prelude(String file, String text) {}

  /** Loads every document of one file; returns what could be read, reports the rest. */
  public List<YamlValue> load(String file, byte[] bytes, Diagnostics out) {
    return load(file, bytes, Optional.empty(), out);
  }

  public List<YamlValue> load(
      String file, byte[] bytes, Optional<Prelude> prelude, Diagnostics out) {
    return load(file, bytes, null, prelude, out);
  }

  /**
   * As {@link #load(String, byte[], Optional, Diagnostics)}, with {@code decoded} the {@link #text}
   * of {@code bytes} (or null): a caller that keeps the text for its diagnostics has made it
   * already, and a second copy of a large file is garbage. The bytes are checked all the same.
   */
  public List<YamlValue> load(
      String file, byte[] bytes, String decoded, Optional<Prelude> prelude, Diagnostics out) {
    if (bytes.length > limits.maxBytes()) {
      out.error(
          DiagnosticCode.AL005,
          SourceLocation.ofFile(file),
          "file is "
              + mebibytes(bytes.length)
              + "; shiprun reads pipeline files up to "
              + mebibytes(limits.maxBytes()),
          "split the assembly line into several files (shippable.jobs.yml, "
              + "shippable.resources.yml)");
      return List.of();
    }
    if (!isUtf8(file, bytes, out)) {
      return List.of();
    }
    String text = decoded != null ? decoded : text(bytes);
    if (isBlank(text)) {
      out.warning(
          DiagnosticCode.AL003,
          SourceLocation.ofFile(file),
          "file is empty; it defines no jobs or resources",
          "add 'resources:' or 'jobs:', or remove the file");
      return List.of();
    }
    LineMap lines = new LineMap(file, prelude);
    String combined =
        prelude.map(p -> withNewline(p.text()) + withoutLeadingDocumentStart(text)).orElse(text);
    LoaderOptions options = new LoaderOptions();
    // The tree builder enforces alias and nesting limits itself, with positions; the scanner
    // still enforces the size limit.
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBytes() * 2));
    options.setProcessComments(false);
    TreeBuilder builder =
        new TreeBuilder(
            new ParserImpl(new SharedMarkReader(new StringReader(combined)), options),
            lines,
            out,
            limits.nodeBudget(combined.length()),
            limits.maxNestingDepth(),
            limits.maxAliases());
    List<YamlValue> documents;
    try {
      documents = builder.documents();
    } catch (BudgetExceeded e) {
      out.error(
          DiagnosticCode.AL006,
          e.at,
          "document expands to more than " + e.budget + " values through aliases",
          "an alias bomb or a very large anchor used many times; write the values out or "
              + "use fewer aliases");
      return List.of();
    } catch (TooManyAliases e) {
      out.error(
          DiagnosticCode.AL006,
          e.at,
          "document uses more than " + e.limit + " aliases of lists or mappings",
          "an alias bomb or a very large anchor used many times; write the values out");
      return List.of();
    } catch (TooDeep e) {
      if (e.throughAliases) {
        out.error(
            DiagnosticCode.AL005,
            e.at,
            "values nest deeper than " + e.limit + " levels once aliases are expanded",
            "aliases inside aliases build very deep values; write the values out or flatten them");
      } else {
        out.error(
            DiagnosticCode.AL005,
            e.at,
            "values nest deeper than " + e.limit + " levels",
            "flatten the document");
      }
      return List.of();
    } catch (UndefinedAlias e) {
      out.error(
          DiagnosticCode.AL001,
          e.at,
          "yaml syntax error: found undefined alias " + e.name,
          "define the anchor ('&" + e.name + "') before the alias that uses it");
      return List.of();
    } catch (MarkedYAMLException e) {
      reportMarked(e, lines, file, combined, out);
      return List.of();
    } catch (YAMLException e) {
      out.error(
          DiagnosticCode.AL005,
          SourceLocation.ofFile(file),
          "document exceeds the size limit of " + mebibytes(limits.maxBytes()),
          "split the assembly line into several files");
      return List.of();
    }
    return documents;
  }

  private static void reportMarked(
      MarkedYAMLException e, LineMap lines, String file, String text, Diagnostics out) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    SourceLocation at =
        mark == null ? SourceLocation.ofFile(file) : lines.locate(mark.getLine(), mark.getColumn());
    String problem = e.getProblem() == null ? "cannot be parsed" : e.getProblem();
    boolean tab = problem.contains("\\t");
    if (tab) {
      // SnakeYAML: "found character '\t(TAB)' that cannot start any token. (Do not use \t(TAB)
      // for indentation)"; the hint below says the same in the house style.
      problem = "found a tab where YAML expects indentation or a value";
    }
    List<String> hints = new ArrayList<>();
    if (e.getContext() != null && e.getContextMark() != null && e.getProblemMark() != null) {
      hints.add(
          e.getContext()
              + " at "
              + lines.locate(e.getContextMark().getLine(), e.getContextMark().getColumn()));
    }
    if (tab) {
      hints.add("YAML does not allow tabs for indentation; indent with spaces");
    }
    if (problem.equals("mapping values are not allowed here") && mark != null) {
      hints.add(colonHint(text, mark));
    }
    out.error(
        DiagnosticCode.AL001, at, "yaml syntax error: " + problem, hints.toArray(String[]::new));
  }

  /**
   * The hint for a ': ' where YAML allows no mapping. When the line holds nothing but a key before
   * that colon ({@code type:}), the key is indented deeper than the line above and reads as the
   * rest of that line's value; otherwise the ': ' is inside a value, which must be quoted.
   */
  static String colonHint(String text, Mark mark) {
    String line = lineAt(text, mark.getLine());
    String before = line.substring(0, Math.min(mark.getColumn(), line.length())).strip();
    if (before.startsWith("- ")) {
      before = before.substring(2).strip();
    }
    if (before.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
      return "'"
          + before
          + ":' is indented deeper than the line above, so YAML reads it as more of that "
          + "line's value; align '"
          + before
          + ":' with the key it belongs beside";
    }
    return "a ': ' inside a value starts a mapping; quote the whole value, e.g. "
        + "script: 'echo time: now', or write it as a block scalar ('|')";
  }

  /** Line {@code line0} (0-based) of {@code text}, without its line break. */
  private static String lineAt(String text, int line0) {
    int start = 0;
    for (int i = 0; i < line0 && start >= 0; i++) {
      int next = text.indexOf('\n', start);
      start = next < 0 ? -1 : next + 1;
    }
    if (start < 0) {
      return "";
    }
    int end = text.indexOf('\n', start);
    return text.substring(start, end < 0 ? text.length() : end);
  }

  /**
   * The text of UTF-8 {@code bytes} as the loader reads it: without a byte order mark, which YAML
   * skips and positions do not count.
   */
  public static String text(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * Whether {@code bytes} are UTF-8; reports the first bad byte. The decoder writes into a small
   * buffer over and over: for valid bytes {@link #text} gives the same characters without a char
   * array of the whole file and its copy.
   */
  private static boolean isUtf8(String file, byte[] bytes, Diagnostics out) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer chars = CharBuffer.allocate(Math.min(bytes.length + 1, 8192));
    CoderResult result = decoder.decode(in, chars, true);
    while (result.isOverflow()) {
      chars.clear();
      result = decoder.decode(in, chars, true);
    }
    if (result.isError()) {
      int offset = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      // The bytes before the bad one on its line are valid UTF-8: count them in code points,
      // as every other column is counted (a BOM at the start of the file takes no column).
      int from = line == 1 && startsWithBom(bytes) ? 3 : lineStart;
      int column =
          (int)
                  new String(bytes, from, Math.max(0, offset - from), StandardCharsets.UTF_8)
                      .codePoints()
                      .count()
              + 1;
      out.error(
          DiagnosticCode.AL004,
          new SourceLocation(file, line, column),
          String.format(
              "file is not UTF-8: byte 0x%02x at offset %d cannot be decoded",
              bytes[offset] & 0xff, offset),
          "save the file as UTF-8 (iconv -f latin1 -t utf-8 is a common fix)");
      return false;
    }
    return true;
  }

  private static boolean startsWithBom(byte[] bytes) {
    return bytes.length >= 3
        && (bytes[0] & 0xff) == 0xEF
        && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF;
  }

  /**
   * A file read after a prelude must stay in the prelude's document, or the anchors it lends are
   * out of reach ("found undefined alias"). A leading {@code ---} line would start a new one, so it
   * is blanked; spaces keep every position as it was.
   */
  static String withoutLeadingDocumentStart(String text) {
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      String line = text.substring(start, end < 0 ? text.length() : end);
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        if (end < 0) {
          break;
        }
        start = end + 1;
        continue;
      }
      String rest = line.startsWith("---") ? line.substring(3).strip() : null;
      if (rest != null && (rest.isEmpty() || rest.startsWith("#"))) {
        return text.substring(0, start) + "   " + text.substring(start + 3);
      }
      break;
    }
    return text;
  }

  private static boolean isBlank(String text) {
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      // Line by line without splitting: the first line with content ends the scan.
      String trimmed = text.substring(start, end).strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.equals("---")) {
        return false;
      }
      start = end + 1;
    }
    return true;
  }

  private static String withNewline(String text) {
    return text.endsWith("\n") ? text : text + "\n";
  }

  private static String mebibytes(long bytes) {
    return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
  }

  /**
   * A reader that gives the scanner one {@link Mark} per position. It asks several times at one
   * position (a plain scalar's start twice, a key's end and the ':' after it), and marks were the
   * largest allocation of a parse. Marks are immutable, so sharing one changes nothing.
   */
  private static final class SharedMarkReader extends StreamReader {
    private Mark last;

    SharedMarkReader(StringReader reader) {
      super(reader);
    }

    @Override
    public Mark getMark() {
      Mark mark = last;
      if (mark == null || mark.getIndex() != getIndex()) {
        mark = super.getMark();
        last = mark;
      }
      return mark;
    }
  }

  /** Maps positions in the combined (prelude + file) text back to the file they came from. */
  static final class LineMap {
    private final String file;
    private final String preludeFile;
    private final int preludeLines;

    LineMap(String file, Optional<Prelude> prelude) {
      this.file = file;
      this.preludeFile = prelude.map(Prelude::file).orElse(file);
      this.preludeLines = prelude.map(p -> countLines(withNewline(p.text()))).orElse(0);
    }

    SourceLocation locate(int line0, int column0) {
      return new SourceLocation(fileOf(line0), lineOf(line0), column0 + 1);
    }

    SourceLocation locate(Mark mark) {
      return locate(mark.getLine(), mark.getColumn());
    }

    /** The file a 0-based line of the combined text belongs to. */
    String fileOf(int line0) {
      return line0 < preludeLines ? preludeFile : file;
    }

    /** The 1-based line in {@link #fileOf} of a 0-based line of the combined text. */
    int lineOf(int line0) {
      return line0 < preludeLines ? line0 + 1 : line0 - preludeLines + 1;
    }

    private static int countLines(String text) {
      int n = 0;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          n++;
        }
      }
      return n;
    }
  }

  static final class BudgetExceeded extends RuntimeException {
    final SourceLocation at;
    final long budget;

    BudgetExceeded(SourceLocation at, long budget) {
      super(null, null, false, false);
      this.at = at;
      this.budget = budget;
    }
  }

  static final class TooManyAliases extends RuntimeException {
    final SourceLocation at;
    final int limit;

    TooManyAliases(SourceLocation at, int limit) {
      super(null, null, false, false);
      this.at = at;
      this.limit = limit;
    }
  }

  /**
   * Values nested too deep: as written, or through aliases nested in aliases (deep enough to
   * overflow the stack of whoever walks the tree).
   */
  static final class TooDeep extends RuntimeException {
    final SourceLocation at;
    final int limit;
    final boolean throughAliases;

    TooDeep(SourceLocation at, int limit, boolean throughAliases) {
      super(null, null, false, false);
      this.at = at;
      this.limit = limit;
      this.throughAliases = throughAliases;
    }
  }

  static final class UndefinedAlias extends RuntimeException {
    final SourceLocation at;
    final String name;

    UndefinedAlias(SourceLocation at, String name) {
      super(null, null, false, false);
      this.at = at;
      this.name = name;
    }
  }
}
