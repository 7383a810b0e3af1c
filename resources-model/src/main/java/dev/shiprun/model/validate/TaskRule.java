package dev.shiprun.model.validate;

import dev.shiprun.model.Job;
import dev.shiprun.model.RunCiJob;
import dev.shiprun.model.RunShJob;
import dev.shiprun.model.TaskStep;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.graph.AssemblyLine;

/**
 * runSh jobs have at least one TASK; runCI jobs have none (their commands come from the CI
 * shippable.yml). A TASK without a script is reported while reading (StepReader), where it is known
 * whether the script was missing or written in a shape already reported.
 */
final class TaskRule implements ValidationRule {

  @Override
  public void check(AssemblyLine line, Diagnostics out) {
    for (Job job : line.jobs()) {
      for (TaskStep task : job.tasks()) {
        if (job instanceof RunCiJob) {
          out.error(
              DiagnosticCode.AL116,
              task.at(),
              "runCI job '"
                  + job.name()
                  + "' has a TASK; runCI jobs take their commands from "
                  + "the CI section of shippable.yml",
              "move the commands to 'build: ci:' or make the job a runSh");
        }
      }
      if (job instanceof RunShJob && job.tasks().isEmpty()) {
        out.warning(
            DiagnosticCode.AL119,
            job.at(),
            "runSh job '" + job.name() + "' has no TASK; it will run no commands",
            "add a '- TASK:' step with a script");
      }
    }
  }
}
