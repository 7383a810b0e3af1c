package dev.shiprun.model.ci;

import java.util.List;

/** A {@code branches: {only, except}} filter: names or regular expressions, as written. */
public record Branches(List<String> only, List<String> except) {

  public static final Branches ALL = new Branches(List.of(), List.of());

  public Branches {
    only = List.copyOf(only);
    except = List.copyOf(except);
  }
}
