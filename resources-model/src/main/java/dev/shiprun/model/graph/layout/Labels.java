package dev.shiprun.model.graph.layout;

/** Text that fits a box: at most so many characters, the rest cut to an ellipsis. */
public final class Labels {

  private Labels() {}

  /** {@code text} when it has at most {@code chars} code points, else its start and "…". */
  public static String fit(String text, int chars) {
    if (text.codePointCount(0, text.length()) <= chars) {
      return text;
    }
    if (chars <= 1) {
      return "…";
    }
    return text.substring(0, text.offsetByCodePoints(0, chars - 1)) + "…";
  }
}
