package dev.shiprun.runner.engine.job;

import dev.shiprun.model.Job;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.runner.engine.log.JobLog;
import dev.shiprun.runner.engine.log.JobSecrets;
import dev.shiprun.runner.engine.version.RunInputs;
import dev.shiprun.runner.engine.workspace.Workspace;
import dev.shiprun.runner.store.Run;
import dev.shiprun.spi.Executor;
import dev.shiprun.spi.JobType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One job's run as its steps see it: what was asked, its run row, the versions it reads, its log,
 * its limit, and what the steps so far made of it (the build folder, the environment). Immutable: a
 * step that adds something returns a new one.
 *
 * @param request the job to run, within its line run
 * @param settings the home's settings (keep the build folder, strict secrets …)
 * @param run its row in the store
 * @param inputs the versions and saved files it reads
 * @param log its log, masked
 * @param steps its steps as they happen, told to its listeners and kept for its end
 * @param secrets what the masker learns as the run goes on
 * @param started when the run began; its deadline counts from here
 * @param limit how long it may take
 * @param type what it runs
 * @param host the host executor: NOTIFY deliveries run there, wherever the scripts run
 * @param runMark marks every process of the run
 * @param folder the build folder once it is made
 * @param environment the scripts' variables once they are known
 * @param tasks how its tasks ended, once they did
 */
record JobRun(
    JobRunner.Request request,
    EngineSettings settings,
    Run run,
    RunInputs inputs,
    JobLog log,
    RunSteps steps,
    JobSecrets secrets,
    Instant started,
    Duration limit,
    JobType type,
    Executor host,
    String runMark,
    Optional<BuildFolder> folder,
    Optional<Map<String, String>> environment,
    Optional<TaskSequence.Outcome> tasks) {

  JobRun {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(steps, "steps");
    Objects.requireNonNull(folder, "folder");
    environment = environment.map(Map::copyOf);
  }

  Job job() {
    return request.job();
  }

  String line() {
    return request.line();
  }

  AssemblyLine assemblyLine() {
    return request.assemblyLine();
  }

  Instant deadline() {
    return started.plus(limit);
  }

  Workspace workspace() {
    return folder.orElseThrow().workspace();
  }

  JobRun with(BuildFolder made) {
    return new JobRun(
        request,
        settings,
        run,
        inputs,
        log,
        steps,
        secrets,
        started,
        limit,
        type,
        host,
        runMark,
        Optional.of(made),
        environment,
        tasks);
  }

  JobRun with(Map<String, String> variables) {
    return new JobRun(
        request,
        settings,
        run,
        inputs,
        log,
        steps,
        secrets,
        started,
        limit,
        type,
        host,
        runMark,
        folder,
        Optional.of(variables),
        tasks);
  }

  JobRun with(TaskSequence.Outcome ended) {
    return new JobRun(
        request,
        settings,
        run,
        inputs,
        log,
        steps,
        secrets,
        started,
        limit,
        type,
        host,
        runMark,
        folder,
        environment,
        Optional.of(ended));
  }
}
