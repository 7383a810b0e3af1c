package dev.shiprun.model.graph;

import java.util.Objects;

/**
 * One edge: {@code from} → {@code to}. IN edges go from the resource (or upstream job) to the job;
 * OUT edges from the job to the resource. {@code triggers} is false for {@code switch: off} inputs
 * and for state resources, which never trigger.
 */
public record Edge(String from, String to, EdgeKind kind, boolean switchOn, boolean triggers) {

  public Edge {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(kind, "kind");
  }
}
