package dev.shiprun.model.diagnostic;

/**
 * Renders a diagnostic the way compilers do: the headline, the source line with a caret under the
 * column, then the hints.
 *
 * <pre>
 * samples/app/shippable.yml:14:9: error[AL107]: job 'deploy' reads unknown resource 'app-imgae'
 *    14 |       - IN: app-imgae
 *       |             ^
 *   hint: did you mean 'app-image'? (defined at samples/app/shippable.yml:3:5)
 * </pre>
 */
public final class DiagnosticRenderer {

  private final SourceSet sources;

  public DiagnosticRenderer(SourceSet sources) {
    this.sources = sources;
  }

  public String render(Diagnostic d) {
    StringBuilder out = new StringBuilder(d.headline()).append('\n');
    SourceLocation at = d.at();
    sources
        .line(at.file(), at.line())
        .ifPresent(
            text -> {
              String number = String.valueOf(at.line());
              String gutter = " ".repeat(number.length());
              out.append(' ').append(number).append(" | ").append(text).append('\n');
              out.append(' ').append(gutter).append(" | ");
              // Columns count code points (as the YAML reader does), not UTF-16 chars.
              int[] points = text.codePoints().toArray();
              int caret = Math.max(0, Math.min(at.column() - 1, points.length));
              for (int i = 0; i < caret; i++) {
                out.append(points[i] == '\t' ? '\t' : ' ');
              }
              out.append("^\n");
            });
    for (String hint : d.hints()) {
      out.append("  hint: ").append(hint).append('\n');
    }
    return out.toString();
  }
}
