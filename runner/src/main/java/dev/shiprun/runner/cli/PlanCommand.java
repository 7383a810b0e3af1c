package dev.shiprun.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.DiagnosticRenderer;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.plan.Plan;
import dev.shiprun.model.plan.Planner;
import dev.shiprun.model.validate.ValidPipeline;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code shiprun plan [PATH...] [--job NAME]... [--integrations FILE]}: which jobs a run would
 * execute, in which waves, what each reads and writes, and the variables each would get (secrets as
 * ***). Nothing runs.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Shows what 'shiprun run' would do, without running anything.",
      "The jobs in order (jobs of",
      "one wave may run in parallel), what each reads and writes, and each job's environment",
      "variables with secrets shown as ***. Paths and build numbers that only a run fixes show",
      "as {JOB_PATH}, {BUILD_NUMBER} …"
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 the pipeline is invalid or an integration is missing, 2 usage error."
    })
public class PlanCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin LineOptions line = new LineOptions();

  @Mixin HomeOptions homeOptions = new HomeOptions();

  @Mixin SecretsOptions secrets = new SecretsOptions();

  @Mixin OutputOption output = new OutputOption();

  private final LineInput input;
  private final DiagnosticsPrinter printer;

  public PlanCommand(LineInput input, DiagnosticsPrinter printer) {
    this.input = input;
    this.printer = printer;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Optional<LineInput.Loaded> loaded =
        input.loadForPlan(spec, line, secrets.strict, output.format, homeOptions.home);
    if (loaded.isEmpty()) {
      return ExitCode.FAILED.code();
    }
    ValidPipeline valid = loaded.get().valid();
    List<Diagnostic> diagnostics = new ArrayList<>(loaded.get().diagnostics());
    boolean integrationsInvalid = loaded.get().hasErrors();
    Planner planner = new Planner(loaded.get().plugins().resourceTypes().variables());
    Plan plan =
        planner.plan(valid, line.request(loaded.get().integrations(), loaded.get().secure()));
    diagnostics.addAll(plan.diagnostics());
    List<Diagnostic> sorted = sortedCopy(diagnostics);
    boolean failed = integrationsInvalid || plan.hasErrors();
    if (output.json()) {
      List<Map<String, Object>> json = new ArrayList<>();
      ObjectMapper mapper = new ObjectMapper();
      sorted.forEach(d -> json.add(mapper.convertValue(printer.toJson(d), Map.class)));
      spec.commandLine().getOut().print(PlanPrinter.json(plan, !failed, json));
    } else {
      DiagnosticRenderer renderer = new DiagnosticRenderer(loaded.get().sources());
      sorted.forEach(d -> err.println(renderer.render(d)));
      spec.commandLine().getOut().print(PlanPrinter.text(plan, valid.line()));
    }
    spec.commandLine().getOut().flush();
    if (failed) {
      long errors = sorted.stream().filter(Diagnostic::isError).count();
      err.println("plan incomplete: " + errors + (errors == 1 ? " error" : " errors"));
    }
    err.flush();
    return failed ? ExitCode.FAILED.code() : ExitCode.OK.code();
  }

  private static List<Diagnostic> sortedCopy(List<Diagnostic> diagnostics) {
    List<Diagnostic> copy = new ArrayList<>(diagnostics);
    copy.sort(Diagnostics.ORDER);
    return copy;
  }
}
