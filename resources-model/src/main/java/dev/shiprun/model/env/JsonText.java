package dev.shiprun.model.env;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The one writer of JSON-stringified values (spec §3.7: a params object or list as the text of its
 * variable), as Shippable's JSON.stringify wrote them: compact, {@code "} and {@code \} escaped,
 * {@code \b \f \n \r \t} short, other control characters as a lower-case {@code \}{@code u00xx},
 * everything else as is. Values are what YAML or a stored version hold: null, strings, numbers,
 * booleans, maps and lists.
 */
public final class JsonText {

  private JsonText() {}

  /**
   * A value as the text of its variable or its {@code KEY=value} line: null empty, a string as it
   * is, anything else stringified.
   */
  public static String asText(Object value) {
    return value == null ? "" : value instanceof String s ? s : stringify(value);
  }

  /** The value as JSON.stringify wrote it. */
  public static String stringify(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      quote(s, out);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        quote(String.valueOf(e.getKey()), out);
        out.append(':');
        write(e.getValue(), out);
        if (it.hasNext()) {
          out.append(',');
        }
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(list.get(i), out);
      }
      out.append(']');
    } else {
      quote(value.toString(), out);
    }
  }

  private static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
