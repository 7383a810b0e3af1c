package dev.shiprun.runner.picture;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A picture read back with the JDK's XML parser, and its parts as tests look for them. */
public final class PictureXml {

  public static final String SVG = "http://www.w3.org/2000/svg";

  private PictureXml() {}

  /** The {@code <svg>} element of {@code svg}; fails on anything that is not XML. */
  public static Element parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
        .getDocumentElement();
  }

  /** Every node ({@code g} with {@code data-kind}), in the picture's order. */
  public static List<Element> nodes(Element svg) {
    NodeList all = svg.getElementsByTagNameNS(SVG, "g");
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < all.getLength(); i++) {
      Element g = (Element) all.item(i);
      if (g.hasAttribute("data-kind")) {
        out.add(g);
      }
    }
    return out;
  }

  public static Element node(Element svg, String name) {
    return nodes(svg).stream()
        .filter(g -> g.getAttribute("data-name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no node " + name));
  }

  /** Job name → {@code data-status}, sorted by name. */
  public static Map<String, String> statuses(Element svg) {
    Map<String, String> out = new TreeMap<>();
    for (Element g : nodes(svg)) {
      if (g.getAttribute("data-kind").equals("job")) {
        out.put(g.getAttribute("data-name"), g.getAttribute("data-status"));
      }
    }
    return out;
  }

  /** The text of the node's {@code text} element of class {@code cls}. */
  public static String text(Element node, String cls) {
    NodeList texts = node.getElementsByTagNameNS(SVG, "text");
    for (int i = 0; i < texts.getLength(); i++) {
      Element t = (Element) texts.item(i);
      if (List.of(t.getAttribute("class").split(" ")).contains(cls)) {
        return t.getTextContent();
      }
    }
    throw new AssertionError("no text ." + cls);
  }
}
