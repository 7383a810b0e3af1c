package dev.shiprun.model.graph.layout;

import java.util.Locale;

/** What a node of the picture stands for. */
public enum NodeKind {
  RESOURCE,
  JOB,
  /** A name the line uses that another repository defines. */
  EXTERNAL;

  /** The word the picture and its readers use: lower case. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
