package dev.shiprun.model.graph;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Job indexes in the order they were added, each once. It replaces a {@code LinkedHashSet<Integer>}
 * per job, which cost an entry, a table and often a boxed index per edge: most of the graph's
 * memory on a 10,000-job line. Sets are a handful of jobs and are scanned; a long one (a resource
 * that many jobs read) gets a hash index, so adding stays constant time.
 */
final class IntSet {

  private static final int SCAN_LIMIT = 16;

  private int[] values = new int[0];
  private int size;
  private Set<Integer> index;

  /** Adds {@code value} unless present; true when it was added. */
  boolean add(int value) {
    if (contains(value)) {
      return false;
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, Math.max(2, size * 2));
    }
    values[size++] = value;
    if (index != null) {
      index.add(value);
    } else if (size > SCAN_LIMIT) {
      index = new HashSet<>();
      for (int i = 0; i < size; i++) {
        index.add(values[i]);
      }
    }
    return true;
  }

  boolean contains(int value) {
    if (index != null) {
      return index.contains(value);
    }
    for (int i = 0; i < size; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }

  int size() {
    return size;
  }

  /** The {@code k}-th value added. */
  int get(int k) {
    return values[k];
  }

  int[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
