package dev.shiprun.runner.picture;

/** The picture's own style sheet: everything it needs, so the SVG reads the same anywhere. */
final class PictureStyle {

  private PictureStyle() {}

  static final String ARROW = "shiprun-arrow";

  static final String EDGE_COLOUR = "#5f5f5f";

  static String css() {
    StringBuilder css = new StringBuilder();
    css.append(".shiprun-line{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif}");
    css.append(".shiprun-line .background{fill:#ffffff}");
    css.append(".shiprun-line .edge{fill:none;stroke:")
        .append(EDGE_COLOUR)
        .append(";stroke-width:1.5;marker-end:url(#")
        .append(ARROW)
        .append(")}");
    css.append(".shiprun-line .edge.quiet{stroke-dasharray:2 3}");
    css.append(".shiprun-line .edge.off{stroke-dasharray:6 4}");
    css.append(".shiprun-line .node rect{stroke-width:2}");
    css.append(".shiprun-line .node .name{font-size:12px;font-weight:600}");
    css.append(".shiprun-line .node .detail{font-size:11px}");
    box(css, ".shiprun-line .resource", StatusColours.RESOURCE);
    box(css, ".shiprun-line .external", StatusColours.EXTERNAL);
    css.append(".shiprun-line .external rect{stroke-dasharray:4 3}");
    for (StatusColours s : StatusColours.JOBS) {
      box(css, ".shiprun-line .status-" + s.name(), s);
    }
    css.append("@keyframes shiprun-pulse{0%,100%{stroke-width:2;stroke-opacity:1}")
        .append("50%{stroke-width:5;stroke-opacity:.45}}");
    css.append(".shiprun-line .status-processing rect")
        .append("{animation:shiprun-pulse 1.4s ease-in-out infinite}");
    css.append("@media (prefers-reduced-motion:reduce)")
        .append("{.shiprun-line .status-processing rect{animation:none;stroke-width:4}}");
    return css.toString();
  }

  private static void box(StringBuilder css, String selector, StatusColours c) {
    css.append(selector)
        .append(" rect{fill:")
        .append(c.fill())
        .append(";stroke:")
        .append(c.stroke())
        .append('}');
    css.append(selector).append(" text{fill:").append(c.text()).append('}');
  }
}
