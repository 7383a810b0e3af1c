package dev.shiprun.model.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Tarjan's strongly connected components, iterative so 20,000 jobs cannot overflow the stack. */
final class Cycles {

  private final int n;
  private final List<IntSet> upstream;

  Cycles(int n, List<IntSet> upstream) {
    this.n = n;
    this.upstream = upstream;
  }

  List<List<Integer>> find() {
    int[] index = new int[n];
    int[] low = new int[n];
    boolean[] onStack = new boolean[n];
    Arrays.fill(index, -1);
    int[] stack = new int[n];
    int top = 0;
    int counter = 0;
    List<List<Integer>> result = new ArrayList<>();
    List<int[]> adjacency = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      adjacency.add(upstream.get(i).toArray());
    }
    int[] callNode = new int[n];
    int[] callEdge = new int[n];
    for (int root = 0; root < n; root++) {
      if (index[root] != -1) {
        continue;
      }
      int depth = 0;
      callNode[0] = root;
      callEdge[0] = 0;
      index[root] = low[root] = counter++;
      stack[top++] = root;
      onStack[root] = true;
      while (depth >= 0) {
        int v = callNode[depth];
        int[] next = adjacency.get(v);
        if (callEdge[depth] < next.length) {
          int w = next[callEdge[depth]++];
          if (index[w] == -1) {
            index[w] = low[w] = counter++;
            stack[top++] = w;
            onStack[w] = true;
            depth++;
            callNode[depth] = w;
            callEdge[depth] = 0;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        if (low[v] == index[v]) {
          List<Integer> component = new ArrayList<>();
          int w;
          do {
            w = stack[--top];
            onStack[w] = false;
            component.add(w);
          } while (w != v);
          if (component.size() > 1 || upstream.get(v).contains(v)) {
            component.sort(Integer::compare);
            result.add(component);
          }
        }
        depth--;
        if (depth >= 0) {
          int parent = callNode[depth];
          low[parent] = Math.min(low[parent], low[v]);
        }
      }
    }
    result.sort((a, b) -> Integer.compare(a.get(0), b.get(0)));
    return result;
  }
}
