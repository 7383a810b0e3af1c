package dev.shiprun.model.graph.layout;

import java.util.Arrays;

/**
 * The order of the nodes within each layer, with few edge crossings: barycenter sweeps left to
 * right and back, a bounded number of them, keeping the order with the fewest crossings seen. Ties
 * keep the previous order, so the result depends only on the graph.
 */
final class Ordering {

  /** Sweep pairs (one each way) at most; a line's picture rarely improves after a few. */
  static final int MAX_ROUNDS = 12;

  /** Rounds in a row without fewer crossings before stopping early. */
  private static final int PATIENCE = 3;

  /** Fixed point for the barycenters (fractions of a layer) in the sort keys. */
  private static final double SCALE = 1 << 24;

  private final LayeredGraph graph;

  /** For each layer: its nodes, left to right in the picture's terms (top to bottom). */
  final int[][] order;

  /** Each node's index in its layer's order. */
  final int[] position;

  private Ordering(LayeredGraph graph) {
    this.graph = graph;
    int[] size = new int[graph.layers];
    for (int v = 0; v < graph.count; v++) {
      size[graph.layer[v]]++;
    }
    order = new int[graph.layers][];
    for (int l = 0; l < graph.layers; l++) {
      order[l] = new int[size[l]];
    }
    position = new int[graph.count];
    int[] fill = new int[graph.layers];
    for (int v : firstOrder(graph)) {
      int l = graph.layer[v];
      position[v] = fill[l];
      order[l][fill[l]++] = v;
    }
  }

  /** The first order only, before any sweep: what the sweeps are measured against. */
  static Ordering unswept(LayeredGraph graph) {
    return new Ordering(graph);
  }

  /** Orders {@code graph}'s layers. */
  static Ordering of(LayeredGraph graph) {
    Ordering o = new Ordering(graph);
    o.reduceCrossings();
    return o;
  }

  /**
   * Nodes in the order a depth-first walk from the line's first nodes meets them: neighbours start
   * close to each other, which the sweeps then refine.
   */
  private static int[] firstOrder(LayeredGraph g) {
    int[] out = new int[g.count];
    int size = 0;
    int[] stack = new int[g.count];
    boolean[] visited = new boolean[g.count];
    for (int root = 0; root < g.count; root++) {
      if (visited[root] || g.upStart[root + 1] > g.upStart[root]) {
        continue;
      }
      int depth = 0;
      stack[depth++] = root;
      visited[root] = true;
      while (depth > 0) {
        int v = stack[--depth];
        out[size++] = v;
        for (int k = g.downStart[v + 1] - 1; k >= g.downStart[v]; k--) {
          int w = g.down[k];
          if (!visited[w]) {
            visited[w] = true;
            stack[depth++] = w;
          }
        }
      }
    }
    for (int v = 0; v < g.count; v++) {
      if (!visited[v]) {
        out[size++] = v;
      }
    }
    return out;
  }

  private void reduceCrossings() {
    long best = crossings();
    int[][] bestOrder = copy(order);
    int idle = 0;
    for (int round = 0; round < MAX_ROUNDS && best > 0 && idle < PATIENCE; round++) {
      for (int l = 1; l < graph.layers; l++) {
        sort(l, true, round > 0);
      }
      for (int l = graph.layers - 2; l >= 0; l--) {
        sort(l, round > 0, true);
      }
      long now = crossings();
      if (now < best) {
        best = now;
        bestOrder = copy(order);
        idle = 0;
      } else {
        idle++;
      }
    }
    for (int l = 0; l < graph.layers; l++) {
      order[l] = bestOrder[l];
      for (int i = 0; i < order[l].length; i++) {
        position[order[l][i]] = i;
      }
    }
  }

  /**
   * Sorts layer {@code l} by the mean position of each node's neighbours in the layer before
   * ({@code left}), after ({@code right}) or both, positions taken as fractions of their layer so
   * that the two sides weigh alike and a node without such neighbours keeps its place.
   */
  private void sort(int l, boolean left, boolean right) {
    int[] nodes = order[l];
    long[] keys = new long[nodes.length];
    double before = l > 0 ? order[l - 1].length : 1;
    double after = l + 1 < order.length ? order[l + 1].length : 1;
    for (int i = 0; i < nodes.length; i++) {
      int v = nodes[i];
      double sum = 0;
      int count = 0;
      if (left) {
        for (int k = graph.upStart[v]; k < graph.upStart[v + 1]; k++) {
          sum += (position[graph.up[k]] + 0.5) / before;
          count++;
        }
      }
      if (right) {
        for (int k = graph.downStart[v]; k < graph.downStart[v + 1]; k++) {
          sum += (position[graph.down[k]] + 0.5) / after;
          count++;
        }
      }
      double at = count == 0 ? (position[v] + 0.5) / nodes.length : sum / count;
      keys[i] = ((long) Math.round(at * SCALE) << 32) | position[v];
    }
    Arrays.sort(keys);
    int[] byPosition = nodes.clone(); // a layer's array is always in position order
    int[] sorted = new int[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      sorted[i] = byPosition[(int) keys[i]]; // the low half: the node's old position
    }
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] = sorted[i];
      position[sorted[i]] = i;
    }
  }

  /** Edge crossings between every pair of neighbouring layers (accumulator tree count). */
  long crossings() {
    long total = 0;
    int[] tree = new int[0];
    int[] ends = new int[0];
    for (int l = 0; l + 1 < graph.layers; l++) {
      int width = order[l + 1].length;
      int size = 1;
      while (size < width) {
        size <<= 1;
      }
      if (tree.length < 2 * size) {
        tree = new int[2 * size];
      } else {
        Arrays.fill(tree, 0, 2 * size, 0);
      }
      for (int v : order[l]) {
        int from = graph.downStart[v];
        int count = graph.downStart[v + 1] - from;
        if (ends.length < count) {
          ends = new int[Math.max(count, 2 * ends.length)];
        }
        for (int k = 0; k < count; k++) {
          ends[k] = position[graph.down[from + k]];
        }
        Arrays.sort(ends, 0, count);
        for (int k = 0; k < count; k++) {
          int index = ends[k] + size;
          tree[index]++;
          while (index > 1) {
            if ((index & 1) == 0) {
              total += tree[index + 1];
            }
            index >>= 1;
            tree[index]++;
          }
        }
      }
    }
    return total;
  }

  private static int[][] copy(int[][] layers) {
    int[][] out = new int[layers.length][];
    for (int l = 0; l < layers.length; l++) {
      out[l] = layers[l].clone();
    }
    return out;
  }
}
