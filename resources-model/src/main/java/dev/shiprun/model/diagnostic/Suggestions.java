package dev.shiprun.model.diagnostic;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean …?": the closest candidate by edit distance, when it is close enough. */
public final class Suggestions {

  private Suggestions() {}

  public static Optional<String> closest(String word, Collection<String> candidates) {
    String lower = word.toLowerCase();
    int limit = Math.max(2, word.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      if (Math.abs(candidate.length() - word.length()) > limit) {
        continue;
      }
      int d = distance(lower, candidate.toLowerCase(), limit);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return bestDistance <= limit ? Optional.of(best) : Optional.empty();
  }

  /** Levenshtein distance, giving up (returning limit + 1) once it exceeds the limit. */
  static int distance(String a, String b, int limit) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
