package dev.shiprun.runner.engine.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.runner.engine.TestLines;
import dev.shiprun.runner.engine.event.JobResult;
import dev.shiprun.runner.store.RunStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The start rule, one row per sentence of spec §1.4 on {@code dependencyMode} (as adapted to one
 * invocation by {@link StartRule}): given where the upstream jobs of {@code down} stand in this run
 * and what triggered {@code down}, does it start, wait, or stay out of the run.
 *
 * <p>The line: {@code down} reads jobs {@code a} and {@code b} and the params resource {@code r},
 * which job {@code p} writes. A row sets {@code down}'s dependencyMode, the dependencyMode of its
 * {@code IN: a} ({@code -} for none), the INs that triggered it in order ({@code manual} for a
 * manual run, {@code -} for none), each upstream job's standing ({@code -} when it is not in this
 * run, {@code pending}, {@code running}, or how it ended), and the decision.
 */
class StartRuleTest {

  private static final List<Row> ROWS =
      List.of(
          // chrono, the default
          row(
              "§1.4 chrono: trigger if all dependencies are successful",
              "chrono | - | a | a=success b=success p=success",
              "start by a (chrono)"),
          row(
              "§1.4 chrono: never run concurrently with a directly connected upstream job",
              "chrono | - | a | a=success b=running p=-",
              "wait"),
          row(
              "§1.4 chrono: an upstream job triggered in this run but not started is still awaited",
              "chrono | - | a | a=success b=pending p=-",
              "wait"),
          row(
              "§1.4 chrono: dependencies must be successful; a failed one holds the job back",
              "chrono | - | a | a=success b=failure p=-",
              "leave out"),
          row(
              "§1.4 chrono: an upstream error holds the job back as a failure does",
              "chrono | - | a | a=success b=error p=-",
              "leave out"),
          row(
              "§1.4 chrono in one invocation: upstream jobs not in this run are not awaited",
              "chrono | - | a | a=success b=- p=-",
              "start by a (chrono)"),
          row(
              "§1.4 (4) a manual run is not held back by an upstream failure",
              "chrono | - | manual | a=- b=failure p=-",
              "start by manual (chrono)"),
          row(
              "§1.4 (4) a manual chrono run still never runs beside a running upstream job",
              "chrono | - | manual | a=- b=running p=-",
              "wait"),
          row(
              "§1.4 chrono: the job writing an IN resource is upstream too",
              "chrono | - | a | a=success b=- p=running",
              "wait"),
          // immediate
          row(
              "§1.4 immediate: trigger without waiting for processing dependencies",
              "immediate | - | a | a=success b=running p=running",
              "start by a (immediate)"),
          row(
              "§1.4 immediate: trigger even if a dependency did not succeed",
              "immediate | - | a | a=success b=failure p=-",
              "start by a (immediate)"),
          // strict
          row(
              "§1.4 strict: otherwise create a waiting job that resolves later",
              "strict | - | a | a=success b=running p=-",
              "wait"),
          row(
              "§1.4 strict: trigger once all upstream dependencies are in a final state (failure)",
              "strict | - | a | a=success b=failure p=-",
              "start by a (strict)"),
          row(
              "§1.4 strict: any final state will do (cancelled)",
              "strict | - | a | a=success b=cancelled p=success",
              "start by a (strict)"),
          row(
              "§1.4 strict: including jobs whose OUTs are this job's INs",
              "strict | - | a | a=success b=success p=running",
              "wait"),
          // per-IN dependencyMode
          row(
              "§1.3.1/§1.4 per-IN dependencyMode overrides the job's when that IN is the trigger",
              "chrono | strict | a | a=success b=failure p=-",
              "start by a (strict)"),
          row(
              "§1.4 per-IN immediate on a chrono job does not wait for a running upstream job",
              "chrono | immediate | a | a=success b=running p=-",
              "start by a (immediate)"),
          row(
              "§1.4 per-IN dependencyMode applies only when that IN is the trigger",
              "chrono | immediate | b | a=running b=success p=-",
              "wait"),
          row(
              "StartRule: the job starts under the first of its triggers that allows it",
              "chrono | immediate | b,a | a=success b=success p=running",
              "start by a (immediate)"),
          // not triggered
          row(
              "§1.4 a job runs only when triggered: nothing triggered it, nothing will",
              "chrono | - | - | a=success b=success p=-",
              "leave out"),
          row(
              "§1.4 not triggered yet: a running upstream job may still trigger it",
              "chrono | - | - | a=success b=running p=-",
              "wait"));

  private static final String LINE =
      """
      resources:
        - name: r
          type: params
          versionTemplate:
            params:
              LEVEL: "1"
      jobs:
        - name: a
          type: runSh
          steps:
            - TASK:
                script:
                  - "true"
        - name: b
          type: runSh
          steps:
            - TASK:
                script:
                  - "true"
        - name: p
          type: runSh
          steps:
            - TASK:
                script:
                  - "true"
            - OUT: r
        - name: down
          type: runSh
          dependencyMode: %s
          steps:
            - IN: a
      %s
            - IN: b
            - IN: r
            - TASK:
                script:
                  - "true"
      """;

  @TestFactory
  Stream<DynamicTest> eachSentenceOfTheStartRule() {
    return ROWS.stream()
        .map(r -> dynamicTest(r.name(), () -> assertEquals(r.expected(), r.run(), r.name())));
  }

  /** One sentence: the situation (see the class comment) and the decision. */
  record Row(String name, String situation, String expected) {

    String run() {
      String[] parts = situation.split("\\|");
      String jobMode = parts[0].trim();
      String inMode = parts[1].trim();
      String inOption = inMode.equals("-") ? "" : "        dependencyMode: " + inMode;
      AssemblyLine line = TestLines.parse(LINE.formatted(jobMode, inOption));
      Job down = line.job("down").orElseThrow();
      Map<String, String> standing = new LinkedHashMap<>();
      for (String s : parts[3].trim().split("\\s+")) {
        String[] kv = s.split("=");
        standing.put(kv[0], kv[1]);
      }
      List<Job> candidates = new ArrayList<>();
      standing.forEach(
          (job, where) -> {
            if (!where.equals("-")) {
              candidates.add(line.job(job).orElseThrow());
            }
          });
      candidates.add(down);
      JobBoard board = new JobBoard(candidates);
      standing.forEach((job, where) -> stand(board, job, where));
      String by = parts[2].trim();
      if (!by.equals("-")) {
        for (String name : by.split(",")) {
          board.trigger("down", trigger(down, name));
        }
      }
      return describe(new StartRule(line).decide(down, board));
    }
  }

  private static Row row(String name, String situation, String expected) {
    return new Row(name, situation, expected);
  }

  private static void stand(JobBoard board, String job, String where) {
    switch (where) {
      case "-", "pending" -> {}
      case "running" -> board.start(job);
      default -> {
        board.start(job);
        RunStatus status = RunStatus.valueOf(where.toUpperCase(Locale.ROOT));
        board.finish(
            new JobResult(
                job,
                1,
                1,
                status,
                Duration.ZERO,
                List.of(),
                Optional.empty(),
                Map.of(),
                List.of()));
      }
    }
  }

  private static Trigger trigger(Job job, String by) {
    if (by.equals("manual")) {
      return Trigger.manual(job);
    }
    InStep in = job.ins().stream().filter(i -> i.name().equals(by)).findFirst().orElseThrow();
    return Trigger.through(job, in);
  }

  private static String describe(StartRule.Decision decision) {
    if (decision instanceof StartRule.Start s) {
      return "start by " + s.trigger().by() + " (" + s.trigger().mode().yaml() + ")";
    }
    if (decision instanceof StartRule.Wait) {
      return "wait";
    }
    return "leave out";
  }
}
