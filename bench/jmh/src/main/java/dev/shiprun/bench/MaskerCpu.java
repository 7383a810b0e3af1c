package dev.shiprun.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link MaskerBenchmark}'s three paths (chunks, lines, bytes), its own methods over the same 64
 * MiB (64 Mi chars; the rate below counts chars as the benchmark does), timed by the masking
 * thread's CPU time instead of the wall clock: on a machine shared with other busy processes a
 * wall-clock benchmark swings several times over, CPU time much less. For a before/after of two
 * builds run back to back, alternated.
 *
 * <pre>java -Xms3g -Xmx3g -cp bench/jmh/target/benchmarks.jar dev.shiprun.bench.MaskerCpu PASSES
 * </pre>
 *
 * <p>Prints, per path, the median MiB per CPU second of the second half of the passes (the first
 * half warms the JIT up).
 */
public final class MaskerCpu {

  private MaskerCpu() {}

  public static void main(String[] args) throws Exception {
    int passes = args.length == 1 ? Integer.parseInt(args[0]) : 16;
    MaskerBenchmark paths = new MaskerBenchmark();
    paths.secrets = 50;
    paths.generate();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, List<Double>> rates = new LinkedHashMap<>();
    long written = 0;
    for (int p = 0; p < passes; p++) {
      for (String path : List.of("chunks", "lines", "bytes")) {
        long start = threads.getCurrentThreadCpuTime();
        written +=
            switch (path) {
              case "chunks" -> paths.chunks();
              case "lines" -> paths.lines();
              default -> paths.bytes();
            };
        double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
        if (p >= passes / 2) {
          rates
              .computeIfAbsent(path, k -> new ArrayList<>())
              .add(MaskerBenchmark.TEXT_CHARS / 1048576.0 / seconds);
        }
      }
    }
    StringBuilder out = new StringBuilder();
    rates.forEach(
        (path, values) -> {
          Collections.sort(values);
          out.append(path)
              .append('\t')
              .append(Math.round(values.get(values.size() / 2)))
              .append('\t');
        });
    System.out.println(out.append(written > 0 ? "MiB per CPU second" : "nothing written"));
  }
}
