package dev.shiprun.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@link LineLayoutBenchmark}'s layout ({@code LineLayout.of}) timed by the thread's CPU time instead of the wall clock,
 * which a machine shared with other busy processes swings several times over: 300 layouts of
 * warm-up, then 9 rounds of 20, printed sorted with their median.
 *
 * <pre>java -XX:+UseSerialGC -Xmx1g -cp bench/jmh/target/benchmarks.jar dev.shiprun.bench.LineLayoutCpu
 * </pre>
 */
public final class LineLayoutCpu {

  private static final int WARM_UP = 300;
  private static final int ROUNDS = 9;
  private static final int PER_ROUND = 20;

  private LineLayoutCpu() {}

  public static void main(String[] args) {
    LineLayoutBenchmark bench = new LineLayoutBenchmark();
    bench.n = args.length == 1 ? Integer.parseInt(args[0]) : 500;
    bench.generate();
    for (int i = 0; i < WARM_UP; i++) {
      bench.layout();
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Double> perLayout = new ArrayList<>();
    for (int r = 0; r < ROUNDS; r++) {
      long start = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < PER_ROUND; i++) {
        bench.layout();
      }
      perLayout.add((threads.getCurrentThreadCpuTime() - start) / 1e6 / PER_ROUND);
    }
    Collections.sort(perLayout);
    StringBuilder out = new StringBuilder("cpu ms/op, sorted:");
    perLayout.forEach(ms -> out.append(String.format(" %.1f", ms)));
    out.append(String.format("   median %.1f", perLayout.get(ROUNDS / 2)));
    System.out.println(out);
  }
}
