package dev.shiprun.model.graph.layout;

import java.util.Arrays;

/**
 * The line as a proper layered graph: every node in a layer, every edge cut into segments between
 * neighbouring layers by virtual nodes. Cycles are broken first, by turning round the edges a
 * depth-first walk in node order finds going back (deterministic: the walk follows the line's
 * order). Layers come from the longest path; a node nothing points at moves right next to the first
 * node it points at, so sources do not stretch their edges across the picture.
 *
 * <p>Nodes {@code 0 .. real - 1} are the line's; the rest are virtual, in the order of the edges
 * they belong to.
 */
final class LayeredGraph {

  final int real;
  final int count;
  final int[] layer;
  final int layers;

  /** For each edge: its nodes from the left end to the right end (one node for a self loop). */
  final int[][] paths;

  /** For each edge: whether it runs right to left (it closed a cycle). */
  final boolean[] reversed;

  /** Neighbours one layer to the left ({@code up}) and right ({@code down}), as CSR arrays. */
  final int[] upStart;

  final int[] up;
  final int[] downStart;
  final int[] down;

  private LayeredGraph(
      int real, int[] layer, int layers, int[][] paths, boolean[] reversed, int count) {
    this.real = real;
    this.count = count;
    this.layer = layer;
    this.layers = layers;
    this.paths = paths;
    this.reversed = reversed;
    int[] upCount = new int[count + 1];
    int[] downCount = new int[count + 1];
    for (int[] path : paths) {
      for (int k = 0; k + 1 < path.length; k++) {
        downCount[path[k] + 1]++;
        upCount[path[k + 1] + 1]++;
      }
    }
    for (int i = 0; i < count; i++) {
      upCount[i + 1] += upCount[i];
      downCount[i + 1] += downCount[i];
    }
    this.upStart = upCount;
    this.downStart = downCount;
    this.up = new int[upCount[count]];
    this.down = new int[downCount[count]];
    int[] upFill = Arrays.copyOf(upCount, count);
    int[] downFill = Arrays.copyOf(downCount, count);
    for (int[] path : paths) {
      for (int k = 0; k + 1 < path.length; k++) {
        down[downFill[path[k]]++] = path[k + 1];
        up[upFill[path[k + 1]]++] = path[k];
      }
    }
  }

  /**
   * The layered graph of {@code real} nodes and the edges {@code from[e] → to[e]}; the edges {@code
   * turned} marks run right to left whatever the walk finds.
   */
  static LayeredGraph of(int real, int[] from, int[] to, boolean[] turned) {
    int edges = from.length;
    boolean[] reversed = backEdges(real, from, to, turned);
    int[] left = new int[edges];
    int[] right = new int[edges];
    for (int e = 0; e < edges; e++) {
      left[e] = reversed[e] ? to[e] : from[e];
      right[e] = reversed[e] ? from[e] : to[e];
    }
    int[] layer = longestPath(real, left, right);
    int layers = 0;
    int virtual = 0;
    for (int v = 0; v < real; v++) {
      layers = Math.max(layers, layer[v] + 1);
    }
    for (int e = 0; e < edges; e++) {
      if (left[e] != right[e]) {
        virtual += layer[right[e]] - layer[left[e]] - 1;
      }
    }
    int[] all = Arrays.copyOf(layer, real + virtual);
    int[][] paths = new int[edges][];
    int next = real;
    for (int e = 0; e < edges; e++) {
      if (left[e] == right[e]) {
        paths[e] = new int[] {left[e]};
        continue;
      }
      int span = layer[right[e]] - layer[left[e]];
      int[] path = new int[span + 1];
      path[0] = left[e];
      for (int k = 1; k < span; k++) {
        all[next] = layer[left[e]] + k;
        path[k] = next++;
      }
      path[span] = right[e];
      paths[e] = path;
    }
    return new LayeredGraph(real, all, Math.max(layers, 1), paths, reversed, next);
  }

  /**
   * {@code turned}, and the edges an iterative depth-first walk (roots and edges in their order)
   * finds going back among the others.
   */
  private static boolean[] backEdges(int n, int[] from, int[] to, boolean[] turned) {
    int[] start = new int[n + 1];
    for (int e = 0; e < from.length; e++) {
      start[(turned[e] ? to[e] : from[e]) + 1]++;
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    int[] out = new int[from.length];
    int[] fill = Arrays.copyOf(start, n);
    for (int e = 0; e < from.length; e++) {
      out[fill[turned[e] ? to[e] : from[e]]++] = e;
    }
    boolean[] back = turned.clone();
    byte[] state = new byte[n]; // 0 unseen, 1 on the walk's path, 2 done
    int[] stack = new int[n];
    int[] cursor = new int[n];
    for (int root = 0; root < n; root++) {
      if (state[root] != 0) {
        continue;
      }
      int depth = 0;
      stack[depth++] = root;
      state[root] = 1;
      cursor[root] = start[root];
      while (depth > 0) {
        int v = stack[depth - 1];
        if (cursor[v] == start[v + 1]) {
          state[v] = 2;
          depth--;
          continue;
        }
        int e = out[cursor[v]++];
        int w = turned[e] ? from[e] : to[e];
        if (state[w] == 1) {
          back[e] = !turned[e];
        } else if (state[w] == 0) {
          state[w] = 1;
          cursor[w] = start[w];
          stack[depth++] = w;
        }
      }
    }
    return back;
  }

  /** Each node's layer: one right of its furthest predecessor; sources pulled right. */
  private static int[] longestPath(int n, int[] left, int[] right) {
    int[] pending = new int[n];
    int[] outStart = new int[n + 1];
    for (int e = 0; e < left.length; e++) {
      if (left[e] != right[e]) {
        pending[right[e]]++;
        outStart[left[e] + 1]++;
      }
    }
    for (int i = 0; i < n; i++) {
      outStart[i + 1] += outStart[i];
    }
    int[] outs = new int[outStart[n]];
    int[] fill = Arrays.copyOf(outStart, n);
    for (int e = 0; e < left.length; e++) {
      if (left[e] != right[e]) {
        outs[fill[left[e]]++] = right[e];
      }
    }
    boolean[] source = new boolean[n];
    int[] queue = new int[n];
    int head = 0;
    int tail = 0;
    for (int v = 0; v < n; v++) {
      if (pending[v] == 0) {
        source[v] = true;
        queue[tail++] = v;
      }
    }
    int[] layer = new int[n];
    while (head < tail) {
      int v = queue[head++];
      for (int k = outStart[v]; k < outStart[v + 1]; k++) {
        int w = outs[k];
        layer[w] = Math.max(layer[w], layer[v] + 1);
        if (--pending[w] == 0) {
          queue[tail++] = w;
        }
      }
    }
    for (int v = 0; v < n; v++) {
      if (source[v] && outStart[v + 1] > outStart[v]) {
        int nearest = Integer.MAX_VALUE;
        for (int k = outStart[v]; k < outStart[v + 1]; k++) {
          nearest = Math.min(nearest, layer[outs[k]]);
        }
        layer[v] = nearest - 1;
      }
    }
    return layer;
  }
}
