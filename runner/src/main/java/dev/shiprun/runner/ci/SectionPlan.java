package dev.shiprun.runner.ci;

import dev.shiprun.model.ScriptLine;
import dev.shiprun.model.ci.CiBuild;
import dev.shiprun.spi.Script;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a matrix job's sections run and in which order: {@code pre_ci} on the host; then one script
 * in the container whose items are the integrations' and services' lines, {@code ci} (or the
 * language's defaults) and {@code post_ci} (which runs only when ci succeeded), with {@code
 * on_success}, {@code on_failure} and {@code always} as its hooks; then {@code push} on the host.
 * The job fails when ci, post_ci or on_success fails.
 *
 * @param preCi the host's script before the container; empty for none
 * @param container the container's script
 * @param push the host's script after the container; empty for none
 */
record SectionPlan(List<String> preCi, Script container, List<String> push) {

  SectionPlan {
    preCi = List.copyOf(preCi);
    push = List.copyOf(push);
  }

  /**
   * The plan of {@code build}.
   *
   * @param language the build's language, whose default commands run when {@code ci} is empty
   * @param prelude lines that run in the container before ci
   */
  static SectionPlan of(CiBuild build, String language, List<String> prelude) {
    List<String> items = new ArrayList<>();
    items.addAll(build.ci().isEmpty() ? DefaultCommands.of(language) : lines(build.ci()));
    items.addAll(lines(build.postCi()));
    if (!prelude.isEmpty()) {
      // One item with the first command, so that a failing command's number is the user's own.
      String lead = String.join("\n", prelude);
      if (items.isEmpty()) {
        items.add(lead);
      } else {
        items.set(0, lead + "\n" + items.get(0));
      }
    }
    return new SectionPlan(
        lines(build.preCi()),
        new Script(
            items, lines(build.onSuccess()), lines(build.onFailure()), lines(build.always())),
        lines(build.push()));
  }

  private static List<String> lines(List<ScriptLine> script) {
    return script.stream().map(ScriptLine::text).toList();
  }
}
