package dev.shiprun.bench;

import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.model.parse.ParseResult;
import dev.shiprun.model.parse.PipelineFile;
import dev.shiprun.model.parse.PipelineParser;
import dev.shiprun.model.plan.Plan;
import dev.shiprun.model.plan.PlanRequest;
import dev.shiprun.model.plan.Planner;
import dev.shiprun.model.validate.ValidPipeline;
import dev.shiprun.model.validate.Validation;
import java.util.List;
import java.util.Map;
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
 * The goal: parse + validate + plan an assembly line of n jobs and n resources in under a
 * second after warm-up, and linear (2n costs at most 2.2× n). The other methods split that time:
 * parse alone, parse + validate (the loader), and plan alone on an already valid line.
 *
 * <p>Run through {@code bench/parse-plan.sh}, which prints the 20k/10k ratio from the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// The serial collector: what the ./shiprun launcher gives validate, graph and plan. With G1 and
// its pause-time goal on 2 cores, young collections shrink and copy the growing model ever more
// often, and the 20,000 line took 2.4 × the 10,000 one (docs/benchmarks.md).
@Fork(
    value = 1,
    jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+UseSerialGC"})
public class ParseValidatePlanBenchmark {

  private static final PlanRequest WHOLE_LINE = new PlanRequest(List.of(), true, Map.of());

  @Param({"10000", "20000"})
  public int n;

  private List<PipelineFile> files;
  private ValidPipeline valid;
  private final AssemblyLineLoader loader = new AssemblyLineLoader();
  private final PipelineParser parser = new PipelineParser();
  private final Planner planner = new Planner();

  @Setup(Level.Trial)
  public void generate() {
    files = new LineGenerator(n).files();
    Validation validation = loader.load(files, new Diagnostics());
    if (!validation.diagnostics().isEmpty() || validation.valid().isEmpty()) {
      throw new IllegalStateException(
          "generated line is not clean: "
              + validation.summary()
              + "; run dev.shiprun.bench.LineCheck "
              + n);
    }
    valid = validation.valid().get();
  }

  /**
   * The goal: bytes to a plan of every job, with each job's environment. Warmed up for 40 s: one
   * operation takes about a second, and with 3 × 2 s the iterations were still getting faster
   * (1,113 → 785 ms) when measuring began.
   */
  @Benchmark
  @Warmup(iterations = 10, time = 4)
  @Measurement(iterations = 5, time = 4)
  public Plan parseValidatePlan() {
    Validation validation = loader.load(files, new Diagnostics());
    return planner.plan(validation.valid().orElseThrow(), WHOLE_LINE);
  }

  /** What {@code shiprun validate} does: bytes to a Validation (parse and every rule). */
  @Benchmark
  public Validation parseValidate() {
    return loader.load(files, new Diagnostics());
  }

  /** YAML and the readers only: bytes to a Pipeline and its parse diagnostics. */
  @Benchmark
  public ParseResult parse() {
    return parser.parse(files);
  }

  /** Planning alone, on the valid line made in setup. */
  @Benchmark
  public Plan plan() {
    return planner.plan(valid, WHOLE_LINE);
  }
}
