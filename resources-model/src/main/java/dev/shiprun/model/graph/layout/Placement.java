package dev.shiprun.model.graph.layout;

import java.util.Arrays;

/**
 * Coordinates: each layer a column as wide as its widest box; within a column, each node as near
 * the median of its neighbours in the column before (then after) as the boxes above it allow. A
 * column is placed by isotonic regression (pool adjacent violators), which keeps the order, keeps
 * every gap, and moves the nodes least from where their neighbours pull them.
 */
final class Placement {

  static final int NODE_HEIGHT = 44;
  static final int MARGIN = 16;

  /** Between columns: room for edges to bend. */
  static final int COLUMN_GAP = 72;

  /** Between two boxes in a column; less where an edge passes. */
  private static final int BOX_GAP = 24;

  private static final int EDGE_GAP = 12;
  private static final int EDGES_GAP = 8;

  /** A column of edges only is this wide. */
  private static final int EMPTY_COLUMN = 24;

  /** Sweep pairs (right, then back): enough for chains to straighten. */
  private static final int ROUNDS = 4;

  private final LayeredGraph graph;

  final int[] columnX;
  final int[] columnWidth;

  /** Each node's vertical centre. */
  final double[] center;

  final int width;
  final int height;

  private Placement(LayeredGraph graph, Ordering ordering, int[] boxWidth) {
    this.graph = graph;
    columnWidth = new int[graph.layers];
    for (int v = 0; v < graph.real; v++) {
      columnWidth[graph.layer[v]] = Math.max(columnWidth[graph.layer[v]], boxWidth[v]);
    }
    columnX = new int[graph.layers];
    int x = MARGIN;
    for (int l = 0; l < graph.layers; l++) {
      if (columnWidth[l] == 0) {
        columnWidth[l] = EMPTY_COLUMN;
      }
      columnX[l] = x;
      x += columnWidth[l] + COLUMN_GAP;
    }
    width = x - COLUMN_GAP + MARGIN;
    center = new double[graph.count];
    for (int[] column : ordering.order) {
      double y = 0;
      for (int i = 0; i < column.length; i++) {
        y += i == 0 ? 0 : separation(column[i - 1], column[i]);
        center[column[i]] = y;
      }
    }
    for (int round = 0; round < ROUNDS; round++) {
      for (int l = 1; l < graph.layers; l++) {
        align(ordering.order[l], true, false);
      }
      for (int l = graph.layers - 2; l >= 0; l--) {
        align(ordering.order[l], false, true);
      }
    }
    for (int l = 0; l < graph.layers; l++) {
      align(ordering.order[l], true, true);
    }
    double top = Double.MAX_VALUE;
    double bottom = -Double.MAX_VALUE;
    for (int v = 0; v < graph.count; v++) {
      top = Math.min(top, center[v] - half(v));
      bottom = Math.max(bottom, center[v] + half(v));
    }
    double shift = MARGIN - top;
    for (int v = 0; v < graph.count; v++) {
      center[v] = Math.round(center[v] + shift);
    }
    height = (int) Math.round(bottom + shift) + MARGIN;
  }

  /** Places {@code graph}'s nodes, real node {@code v} being {@code boxWidth[v]} wide. */
  static Placement of(LayeredGraph graph, Ordering ordering, int[] boxWidth) {
    return new Placement(graph, ordering, boxWidth);
  }

  /** The left side of real node {@code v}'s box: centred in its column. */
  int boxX(int v, int boxWidth) {
    int l = graph.layer[v];
    return columnX[l] + (columnWidth[l] - boxWidth) / 2;
  }

  private double half(int v) {
    return v < graph.real ? NODE_HEIGHT / 2.0 : 0;
  }

  private double separation(int a, int b) {
    boolean boxA = a < graph.real;
    boolean boxB = b < graph.real;
    int gap = boxA && boxB ? BOX_GAP : boxA || boxB ? EDGE_GAP : EDGES_GAP;
    return half(a) + half(b) + gap;
  }

  /** Moves one column's nodes towards the medians of their neighbours on the sides asked for. */
  private void align(int[] column, boolean left, boolean right) {
    int n = column.length;
    if (n == 0) {
      return;
    }
    double[] target = new double[n];
    double offset = 0;
    for (int i = 0; i < n; i++) {
      int v = column[i];
      offset += i == 0 ? 0 : separation(column[i - 1], v);
      double want = center[v];
      double l = left ? median(graph.upStart, graph.up, v) : Double.NaN;
      double r = right ? median(graph.downStart, graph.down, v) : Double.NaN;
      if (!Double.isNaN(l) && !Double.isNaN(r)) {
        want = (l + r) / 2;
      } else if (!Double.isNaN(l)) {
        want = l;
      } else if (!Double.isNaN(r)) {
        want = r;
      }
      target[i] = want - offset;
    }
    double[] fitted = isotonic(target);
    offset = 0;
    for (int i = 0; i < n; i++) {
      offset += i == 0 ? 0 : separation(column[i - 1], column[i]);
      center[column[i]] = fitted[i] + offset;
    }
  }

  private double[] scratch = new double[8];

  private double median(int[] start, int[] neighbours, int v) {
    int from = start[v];
    int count = start[v + 1] - from;
    if (count == 0) {
      return Double.NaN;
    }
    if (count == 1) {
      return center[neighbours[from]];
    }
    if (scratch.length < count) {
      scratch = new double[Math.max(count, 2 * scratch.length)];
    }
    for (int k = 0; k < count; k++) {
      scratch[k] = center[neighbours[from + k]];
    }
    Arrays.sort(scratch, 0, count);
    return count % 2 == 1 ? scratch[count / 2] : (scratch[count / 2 - 1] + scratch[count / 2]) / 2;
  }

  /**
   * The non-decreasing sequence nearest {@code values} (least squares): pool adjacent violators.
   */
  static double[] isotonic(double[] values) {
    int n = values.length;
    double[] sum = new double[n];
    int[] size = new int[n];
    int blocks = 0;
    for (double value : values) {
      sum[blocks] = value;
      size[blocks] = 1;
      blocks++;
      while (blocks > 1
          && sum[blocks - 2] / size[blocks - 2] > sum[blocks - 1] / size[blocks - 1]) {
        sum[blocks - 2] += sum[blocks - 1];
        size[blocks - 2] += size[blocks - 1];
        blocks--;
      }
    }
    double[] out = new double[n];
    int i = 0;
    for (int b = 0; b < blocks; b++) {
      double mean = sum[b] / size[b];
      for (int k = 0; k < size[b]; k++) {
        out[i++] = mean;
      }
    }
    return out;
  }
}
