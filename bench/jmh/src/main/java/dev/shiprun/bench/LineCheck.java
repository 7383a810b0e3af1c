package dev.shiprun.bench;

import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.DiagnosticRenderer;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.model.plan.Plan;
import dev.shiprun.model.plan.PlanRequest;
import dev.shiprun.model.plan.Planner;
import dev.shiprun.model.validate.Validation;
import java.util.List;
import java.util.Map;

/**
 * The correctness check behind the benchmark (not a timing): the generated line of each size given
 * on the command line loads with no diagnostic at all, and its plan holds every job with no
 * diagnostic. Exits 1 and prints the first diagnostics otherwise.
 *
 * <pre>java -cp bench/jmh/target/benchmarks.jar dev.shiprun.bench.LineCheck 10000 20000</pre>
 */
public final class LineCheck {

  private LineCheck() {}

  public static void main(String[] args) {
    List<String> sizes = args.length == 0 ? List.of("10000", "20000") : List.of(args);
    boolean ok = true;
    for (String size : sizes) {
      ok &= check(Integer.parseInt(size));
    }
    if (!ok) {
      System.exit(1);
    }
  }

  /** Whether the line of {@code n} jobs and {@code n} resources is valid and plan-clean. */
  public static boolean check(int n) {
    LineGenerator generator = new LineGenerator(n);
    Validation validation = new AssemblyLineLoader().load(generator.files(), new Diagnostics());
    System.out.printf(
        "line n=%d (%s): %s%n",
        n, String.join(", ", LineGenerator.describe(n)), validation.summary());
    if (!validation.diagnostics().isEmpty() || validation.valid().isEmpty()) {
      print(validation.diagnostics(), new DiagnosticRenderer(validation.pipeline().sources()));
      return false;
    }
    Plan plan =
        new Planner().plan(validation.valid().get(), new PlanRequest(List.of(), true, Map.of()));
    long variables = plan.jobs().stream().mapToLong(j -> j.env().variables().size()).sum();
    System.out.printf(
        "plan n=%d: %d jobs in %d waves, %d env variables, %d diagnostics%n",
        n, plan.jobs().size(), plan.waves(), variables, plan.diagnostics().size());
    if (!plan.diagnostics().isEmpty() || plan.jobs().size() != n) {
      print(plan.diagnostics(), new DiagnosticRenderer(validation.pipeline().sources()));
      return false;
    }
    return true;
  }

  private static void print(List<Diagnostic> diagnostics, DiagnosticRenderer renderer) {
    diagnostics.stream().limit(20).forEach(d -> System.out.print(renderer.render(d)));
    if (diagnostics.size() > 20) {
      System.out.println("… and " + (diagnostics.size() - 20) + " more");
    }
  }
}
