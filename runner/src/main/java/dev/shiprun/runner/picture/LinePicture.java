package dev.shiprun.runner.picture;

import dev.shiprun.model.graph.EdgeKind;
import dev.shiprun.model.graph.layout.Labels;
import dev.shiprun.model.graph.layout.Layout;
import dev.shiprun.model.graph.layout.NodeKind;
import dev.shiprun.model.graph.layout.PlacedNode;
import dev.shiprun.model.graph.layout.Point;
import dev.shiprun.model.graph.layout.RoutedEdge;
import java.util.List;

/**
 * The picture of an assembly line as SVG: a laid-out line ({@link Layout}) with each job coloured
 * by its latest run and each resource showing its latest versionName. One picture for {@code
 * shiprun graph --format svg} and the daemon's {@code /api/lines/{name}/picture}; the web page
 * finds its parts by class and {@code data-} attributes.
 */
public final class LinePicture {

  /** Baselines of a box's two lines of text, and their left indent. */
  private static final int NAME_Y = 19;

  private static final int DETAIL_Y = 35;
  private static final int TEXT_X = 12;

  private static final int JOB_CORNER = 4;
  private static final int RESOURCE_CORNER = 16;

  private LinePicture() {}

  /** The SVG of line {@code name}, laid out as {@code layout}, with {@code state}. */
  public static String svg(String name, Layout layout, PictureState state) {
    long jobs = layout.nodes().stream().filter(n -> n.kind() == NodeKind.JOB).count();
    long resources = layout.nodes().stream().filter(n -> n.kind() == NodeKind.RESOURCE).count();
    StringBuilder svg = new StringBuilder(256 + 400 * layout.nodes().size());
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"shiprun-line\" viewBox=\"0 0 ")
        .append(layout.width())
        .append(' ')
        .append(layout.height())
        .append("\" width=\"")
        .append(layout.width())
        .append("\" height=\"")
        .append(layout.height())
        .append("\" role=\"img\" aria-label=\"")
        .append(
            Xml.escape(
                "assembly line "
                    + name
                    + ": "
                    + count(jobs, "job", "jobs")
                    + ", "
                    + count(resources, "resource", "resources")))
        .append("\">\n");
    svg.append("<style>").append(PictureStyle.css()).append("</style>\n");
    svg.append("<defs><marker id=\"")
        .append(PictureStyle.ARROW)
        .append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\"")
        .append(" markerHeight=\"8\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">")
        .append("<path d=\"M0,0L10,5L0,10z\" fill=\"")
        .append(PictureStyle.EDGE_COLOUR)
        .append("\"/></marker></defs>\n");
    svg.append("<rect class=\"background\" width=\"100%\" height=\"100%\"/>\n");
    svg.append("<g class=\"edges\">\n");
    for (RoutedEdge e : layout.edges()) {
      edge(svg, e);
    }
    svg.append("</g>\n<g class=\"nodes\">\n");
    for (PlacedNode n : layout.nodes()) {
      node(svg, n, state);
    }
    svg.append("</g>\n</svg>\n");
    return svg.toString();
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static void edge(StringBuilder svg, RoutedEdge e) {
    svg.append("<path class=\"edge ").append(e.kind() == EdgeKind.IN ? "in" : "out");
    if (!e.switchOn()) {
      svg.append(" off");
    } else if (!e.triggers()) {
      svg.append(" quiet");
    }
    svg.append("\" data-from=\"")
        .append(Xml.escape(e.from()))
        .append("\" data-to=\"")
        .append(Xml.escape(e.to()))
        .append("\" d=\"")
        .append(path(e.points()))
        .append("\"/>\n");
  }

  /** Through every point, each stretch a curve that leaves and arrives level. */
  static String path(List<Point> points) {
    StringBuilder d = new StringBuilder();
    Point a = points.get(0);
    d.append('M').append(a.x()).append(',').append(a.y());
    for (int k = 1; k < points.size(); k++) {
      Point b = points.get(k);
      if (a.y() == b.y() || a.x() == b.x()) {
        d.append('L').append(b.x()).append(',').append(b.y());
      } else {
        double mid = (a.x() + b.x()) / 2.0;
        d.append('C')
            .append(number(mid))
            .append(',')
            .append(a.y())
            .append(' ')
            .append(number(mid))
            .append(',')
            .append(b.y())
            .append(' ')
            .append(b.x())
            .append(',')
            .append(b.y());
      }
      a = b;
    }
    return d.toString();
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private static void node(StringBuilder svg, PlacedNode n, PictureState state) {
    String kind = n.kind().wire();
    String title;
    String detail;
    String detailClass = "detail";
    String classes;
    String extra = "";
    int corner;
    if (n.kind() == NodeKind.JOB) {
      PictureState.LatestRun run = state.runs().get(n.name());
      String status = run == null ? "none" : run.status();
      classes = "node job status-" + status;
      extra = " data-status=\"" + Xml.escape(status) + "\"";
      detail = run == null ? n.type() : n.type() + " · #" + run.buildNumber();
      title =
          n.name()
              + ": job ("
              + n.type()
              + "), "
              + (run == null ? "never run" : status + ", build #" + run.buildNumber());
      corner = JOB_CORNER;
    } else if (n.kind() == NodeKind.RESOURCE) {
      String version = state.versionNames().get(n.name());
      classes = "node resource";
      if (version != null) {
        detail = version;
        detailClass = "detail version";
        extra = " data-version=\"" + Xml.escape(version) + "\"";
      } else {
        detail = n.type();
      }
      title =
          n.name()
              + ": resource ("
              + n.type()
              + "), "
              + (version == null ? "no version yet" : "version " + version);
      corner = RESOURCE_CORNER;
    } else {
      classes = "node external";
      detail = "another repository";
      title = n.name() + ": defined in another repository";
      corner = RESOURCE_CORNER;
    }
    svg.append("<g class=\"")
        .append(classes)
        .append("\" data-kind=\"")
        .append(kind)
        .append("\" data-name=\"")
        .append(Xml.escape(n.name()))
        .append("\" data-type=\"")
        .append(Xml.escape(n.type()))
        .append('"')
        .append(extra)
        .append(" transform=\"translate(")
        .append(n.x())
        .append(',')
        .append(n.y())
        .append(")\"><title>")
        .append(Xml.escape(title))
        .append("</title><rect width=\"")
        .append(n.width())
        .append("\" height=\"")
        .append(n.height())
        .append("\" rx=\"")
        .append(corner)
        .append("\"/><text class=\"name\" x=\"")
        .append(TEXT_X)
        .append("\" y=\"")
        .append(NAME_Y)
        .append("\">")
        .append(Xml.escape(n.label()))
        .append("</text><text class=\"")
        .append(detailClass)
        .append("\" x=\"")
        .append(TEXT_X)
        .append("\" y=\"")
        .append(DETAIL_Y)
        .append("\">")
        .append(Xml.escape(Labels.fit(detail, n.chars())))
        .append("</text></g>\n");
  }
}
