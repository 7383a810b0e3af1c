package dev.shiprun.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a line into words as a POSIX shell would, without expanding anything: blanks separate
 * words; single quotes keep everything; double quotes keep everything but a backslash before {@code
 * $ ` " \} or a line break; outside quotes a backslash keeps the next character (and a
 * backslash-newline joins lines). Used for a TASK's {@code runtime.options.options}.
 */
public final class ShellWords {

  private ShellWords() {}

  /** What splitting a line gave. */
  public sealed interface Result {}

  /** The words, quotes and escapes removed. */
  public record Words(List<String> words) implements Result {
    public Words {
      words = List.copyOf(words);
    }
  }

  /**
   * The line ends inside a quote or after a lone backslash.
   *
   * @param what the quote left open ({@code '} or {@code "}) or {@code \}
   * @param offset where it opens in the line (0-based)
   */
  public record Unclosed(String what, int offset) implements Result {
    public Unclosed {
      Objects.requireNonNull(what, "what");
    }
  }

  /** Splits {@code line}. */
  public static Result split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '\'') {
        int close = line.indexOf('\'', i + 1);
        if (close < 0) {
          return new Unclosed("'", i);
        }
        word.append(line, i + 1, close);
        inWord = true;
        i = close + 1;
      } else if (c == '"') {
        int open = i;
        i++;
        while (i < line.length() && line.charAt(i) != '"') {
          char d = line.charAt(i);
          if (d == '\\' && i + 1 < line.length() && "$`\"\\\n".indexOf(line.charAt(i + 1)) >= 0) {
            if (line.charAt(i + 1) != '\n') {
              word.append(line.charAt(i + 1));
            }
            i += 2;
          } else {
            word.append(d);
            i++;
          }
        }
        if (i >= line.length()) {
          return new Unclosed("\"", open);
        }
        inWord = true;
        i++;
      } else if (c == '\\') {
        if (i + 1 >= line.length()) {
          return new Unclosed("\\", i);
        }
        if (line.charAt(i + 1) != '\n') {
          word.append(line.charAt(i + 1));
          inWord = true;
        }
        i += 2;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return new Words(words);
  }
}
