package dev.shiprun.runner.engine.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.runner.engine.TestLines;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Trigger selection, one row per sentence of spec §1.4: which jobs one event of a run (a new
 * version of a resource, a job's success) triggers, through which IN, under which dependencyMode,
 * and that each job takes a trigger once per invocation. The rows are data; {@link #triggered} is
 * the only call into the engine (the line's trigger index, the IN it reached, the {@link
 * JobBoard}).
 */
class TriggerSelectionTest {

  private static final List<Row> ROWS =
      List.of(
          new Row(
              "§1.4 (1) a new version of an IN resource triggers the job",
              "version app",
              "deploy by app (strict)"),
          new Row(
              "§1.4 (2) an IN job that completes successfully triggers the job",
              "success build",
              "deploy by build (strict)"),
          new Row(
              "§1.4 switch: off on an IN suppresses (1) for that input",
              "version quiet",
              "nothing"),
          new Row(
              "§1.4 switch: off on an IN suppresses (2) for that input", "success lint", "nothing"),
          new Row("§1.4 state resources never trigger dependents", "version st", "nothing"),
          new Row(
              "§1.4 per-IN dependencyMode overrides the job-level mode when that IN is the trigger",
              "version conf",
              "audit by conf (immediate)"),
          new Row(
              "§1.4 dependencyMode: the job's own (chrono by default) when the IN sets none",
              "version notes",
              "audit by notes (chrono), keep by notes (chrono)"),
          new Row(
              "§1.4 (1) a resource no job reads as an IN triggers nothing (writing is not reading)",
              "version logs",
              "nothing"),
          new Row(
              "LineRunner: each job runs at most once per invocation; a started job takes no trigger",
              "success build; start deploy; version app",
              "deploy by build (strict)"),
          new Row(
              "JobBoard: triggers of a pending job are kept in the order they come, once each",
              "version notes; version conf; version notes",
              "audit by notes (chrono), audit by conf (immediate), keep by notes (chrono)"));

  private static final String LINE =
      """
      resources:
        - name: app
          type: image
          versionTemplate:
            sourceName: org/app
            versionName: "1.0"
        - name: quiet
          type: image
          versionTemplate:
            sourceName: org/quiet
            versionName: "1.0"
        - name: logs
          type: image
          versionTemplate:
            sourceName: org/logs
            versionName: "1.0"
        - name: conf
          type: params
          versionTemplate:
            params:
              LEVEL: "1"
        - name: notes
          type: params
          versionTemplate:
            params:
              NOTE: "1"
        - name: st
          type: state
      jobs:
        - name: build
          type: runSh
          steps:
            - IN: st
            - TASK:
                script:
                  - "true"
            - OUT: app
            - OUT: st
            - OUT: logs
        - name: lint
          type: runSh
          steps:
            - TASK:
                script:
                  - "true"
        - name: deploy
          type: runSh
          dependencyMode: strict
          steps:
            - IN: app
            - IN: build
            - TASK:
                script:
                  - "true"
        - name: audit
          type: runSh
          steps:
            - IN: conf
              dependencyMode: immediate
            - IN: notes
            - IN: quiet
              switch: off
            - IN: lint
              switch: off
            - IN: st
            - TASK:
                script:
                  - "true"
        - name: keep
          type: runSh
          steps:
            - IN: st
            - IN: notes
            - TASK:
                script:
                  - "true"
      """;

  @TestFactory
  Stream<DynamicTest> eachSentenceOfTriggerSelection() {
    AssemblyLine line = TestLines.parse(LINE);
    return ROWS.stream()
        .map(
            r ->
                dynamicTest(
                    r.name(), () -> assertEquals(r.expected(), triggered(line, r), r.name())));
  }

  /**
   * Plays the row's events on a board where every job is pending: {@code version <resource>} (a new
   * version posted), {@code success <job>}, {@code start <job>}. Lists the triggers each job holds
   * afterwards, in the line's job order.
   */
  private static String triggered(AssemblyLine line, Row row) {
    JobBoard board = new JobBoard(line.jobs());
    for (String event : row.events().split(";")) {
      String[] e = event.trim().split(" ");
      String name = e[1];
      switch (e[0]) {
        case "version" -> {
          for (Job j : line.triggeredByResource(name)) {
            record(board, j, name);
          }
        }
        case "success" -> {
          for (Job j : line.triggeredBy(line.job(name).orElseThrow())) {
            record(board, j, name);
          }
        }
        case "start" -> board.start(name);
        default -> throw new IllegalArgumentException("unknown event " + event);
      }
    }
    List<String> out = new ArrayList<>();
    for (Job j : line.jobs()) {
      board.triggers(j.name()).forEach(t -> out.add(describe(j, t)));
    }
    return out.isEmpty() ? "nothing" : String.join(", ", out);
  }

  /** The trigger through the job's IN that the new version or success reached, switch on. */
  private static void record(JobBoard board, Job job, String by) {
    for (InStep in : job.ins()) {
      if (in.name().equals(by) && in.switchOn()) {
        board.trigger(job.name(), Trigger.through(job, in));
        return;
      }
    }
  }

  private static String describe(Job job, Trigger t) {
    return job.name() + " by " + t.by() + " (" + t.mode().yaml() + ")";
  }

  /** One sentence: the events of the run, {@code ;}-separated, and the triggers they leave. */
  record Row(String name, String events, String expected) {}
}
