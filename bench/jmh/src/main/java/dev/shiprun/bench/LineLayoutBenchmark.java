package dev.shiprun.bench;

import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.graph.layout.Layout;
import dev.shiprun.model.graph.layout.LineLayout;
import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.model.validate.Validation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The picture's layout ({@link LineLayout}) of a generated line of n jobs and n resources (chains
 * and fan-outs, {@link LineGenerator}): the goal is well under 200 ms for n = 500 after warm-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:+UseSerialGC"})
public class LineLayoutBenchmark {

  @Param({"500"})
  public int n;

  private AssemblyLine line;

  @Setup(Level.Trial)
  public void generate() {
    Validation validation =
        new AssemblyLineLoader().load(new LineGenerator(n).files(), new Diagnostics());
    line =
        validation
            .valid()
            .orElseThrow(() -> new IllegalStateException(validation.summary()))
            .line();
  }

  @Benchmark
  public Layout layout() {
    return LineLayout.of(line);
  }
}
