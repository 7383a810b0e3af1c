package dev.shiprun.model.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiagnosticRendererTest {

  private static String render(String text, int line, int column, String... hints) {
    SourceSet sources = new SourceSet(Map.of("p.yml", text));
    Diagnostic d =
        new Diagnostic(
            Severity.ERROR,
            DiagnosticCode.AL107,
            "job 'deploy' reads unknown resource 'app-imgae'",
            new SourceLocation("p.yml", line, column),
            List.of(hints));
    return new DiagnosticRenderer(sources).render(d);
  }

  @Test
  void rendersHeadlineSourceLineCaretAndHints() {
    assertEquals(
        """
        p.yml:2:13: error[AL107]: job 'deploy' reads unknown resource 'app-imgae'
         2 |       - IN: app-imgae
           |             ^
          hint: did you mean 'app-image'?
        """,
        render("steps:\n      - IN: app-imgae\n", 2, 13, "did you mean 'app-image'?"));
  }

  @Test
  void gutterIsAsWideAsTheLineNumber() {
    String text = "x\n".repeat(99) + "  - IN: y\n";
    assertEquals(
        """
        p.yml:100:3: error[AL107]: job 'deploy' reads unknown resource 'app-imgae'
         100 |   - IN: y
             |   ^
        """,
        render(text, 100, 3));
  }

  @Test
  void caretKeepsTabsSoItLinesUpUnderTabbedText() {
    assertEquals(
        "p.yml:1:3: error[AL107]: job 'deploy' reads unknown resource 'app-imgae'\n"
            + " 1 | \tx: y\n"
            + "   | \t ^\n",
        render("\tx: y\n", 1, 3));
  }

  @Test
  void caretCountsCharactersOutsideTheBasicPlaneAsOneColumn() {
    // 🚀 is two UTF-16 chars but one code point: one column, as the YAML reader counts it
    assertEquals(
        "p.yml:1:5: error[AL107]: job 'deploy' reads unknown resource 'app-imgae'\n"
            + " 1 | 🚀 a: b\n"
            + "   |     ^\n",
        render("🚀 a: b\n", 1, 5));
  }

  @Test
  void wholeFileProblemHasNoSourceLine() {
    assertEquals(
        "p.yml: error[AL107]: job 'deploy' reads unknown resource 'app-imgae'\n  hint: h\n",
        render("a: b\n", 0, 0, "h"));
  }

  @Test
  void lineBeyondTheEndOfTheFileIsNotQuoted() {
    assertEquals(
        "p.yml:9:1: error[AL107]: job 'deploy' reads unknown resource 'app-imgae'\n",
        render("a: b\n", 9, 1));
  }

  @Test
  void windowsLineEndingIsNotQuoted() {
    assertEquals(
        "p.yml:1:4: error[AL107]: job 'deploy' reads unknown resource 'app-imgae'\n"
            + " 1 | a: b\n"
            + "   |    ^\n",
        render("a: b\r\nc: d\r\n", 1, 4));
  }
}
