package dev.shiprun.model.yaml;

/**
 * Limits that keep a hostile or broken document from exhausting memory: the file size, how deeply
 * values may nest, and how many nodes alias expansion may produce per byte of input.
 */
public record YamlLimits(long maxBytes, int maxNestingDepth, int maxAliases, long nodeBudgetBase) {

  /** 64 MiB is far above the largest real pipeline (20,000 jobs and resources are ≈ 6 MiB). */
  public static final YamlLimits DEFAULT = new YamlLimits(64L << 20, 100, 2_000, 100_000);

  public YamlLimits {
    if (maxBytes <= 0 || maxNestingDepth <= 0 || maxAliases < 0 || nodeBudgetBase <= 0) {
      throw new IllegalArgumentException("yaml limits must be positive");
    }
  }

  /** Nodes a document of {@code bytes} may expand to: generous for real files, fatal for bombs. */
  long nodeBudget(long bytes) {
    return nodeBudgetBase + 4 * bytes;
  }
}
