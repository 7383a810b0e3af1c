package dev.shiprun.model.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.DependencyMode;
import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.JobHeader;
import dev.shiprun.model.JobHooks;
import dev.shiprun.model.JobRuntime;
import dev.shiprun.model.Named;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.Pipeline;
import dev.shiprun.model.Pipelines;
import dev.shiprun.model.Resource;
import dev.shiprun.model.ResourceDefinition;
import dev.shiprun.model.ResourceHeader;
import dev.shiprun.model.RunShJob;
import dev.shiprun.model.ScriptLine;
import dev.shiprun.model.Step;
import dev.shiprun.model.TaskRuntime;
import dev.shiprun.model.TaskStep;
import dev.shiprun.model.TriggerMode;
import dev.shiprun.model.VersionResource;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.diagnostic.SourceSet;
import dev.shiprun.model.validate.PipelineValidator;
import dev.shiprun.model.validate.Validation;
import dev.shiprun.model.yaml.YamlMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class AssemblyLineTest {

  private static final String LINE =
      """
      resources:
        - name: repo
          type: gitRepo
          integration: github
          versionTemplate: {sourceName: shiprun/app, branch: main}
        - name: app-image
          type: image
          versionTemplate: {sourceName: shiprun/app, versionName: "1.0"}
        - name: cache
          type: state

      jobs:
        - name: deploy
          type: runSh
          steps:
            - IN: app-image
            - IN: test
            - TASK: {script: deploy}
        - name: audit
          type: runSh
          steps:
            - IN: app-image
              switch: off
            - TASK: {script: audit}
        - name: report
          type: runSh
          steps:
            - IN: cache
            - TASK: {script: report}
        - name: test
          type: runSh
          steps:
            - IN: build
            - TASK: {script: test}
        - name: build
          type: runSh
          steps:
            - IN: repo
            - IN: cache
            - TASK: {script: build}
            - OUT: app-image
            - OUT: cache
        - name: lint
          type: runSh
          steps:
            - IN: repo
            - TASK: {script: lint}
      """;

  private static AssemblyLine line() {
    Validation v = Pipelines.loadValid(LINE);
    return v.valid().orElseThrow().line();
  }

  private static List<String> names(List<Job> jobs) {
    return jobs.stream().map(Job::name).toList();
  }

  private static Job job(AssemblyLine line, String name) {
    return line.job(name).orElseThrow();
  }

  @Test
  void topologicalOrderPutsEveryJobAfterItsUpstreamJobsTiesInYamlOrder() {
    // build feeds app-image (deploy, audit) and test; test feeds deploy. report and lint
    // depend on no job (a state resource orders nothing). Among ready jobs, the first in YAML.
    assertEquals(List.of("report", "build", "audit", "test", "deploy", "lint"), orderOf(line()));
  }

  private static List<String> orderOf(AssemblyLine line) {
    List<String> order = names(line.topologicalOrder());
    for (Job job : line.jobs()) {
      for (Job upstream : line.upstreamOf(job)) {
        assertTrue(
            order.indexOf(upstream.name()) < order.indexOf(job.name()),
            upstream.name() + " must come before " + job.name() + " in " + order);
      }
    }
    return order;
  }

  @Test
  void upstreamFollowsResourcesAndJobsButNotStateResources() {
    AssemblyLine line = line();
    assertEquals(List.of("build"), names(line.upstreamOf(job(line, "audit"))), "switch: off");
    assertEquals(List.of("build", "test"), names(line.upstreamOf(job(line, "deploy"))));
    assertEquals(List.of(), names(line.upstreamOf(job(line, "report"))), "through state");
    assertEquals(List.of(), names(line.upstreamOf(job(line, "build"))), "build's own cache");
  }

  @Test
  void downstreamClosureSkipsSwitchOffInputsAndStateResources() {
    AssemblyLine line = line();
    assertEquals(
        List.of("build", "test", "deploy"),
        names(line.downstreamClosure(List.of(job(line, "build")))),
        "not audit (switch: off), not report (state cache); in topological order");
  }

  @Test
  void downstreamClosureOfALeafIsTheLeafAlone() {
    AssemblyLine line = line();
    assertEquals(List.of("lint"), names(line.downstreamClosure(List.of(job(line, "lint")))));
  }

  @Test
  void newResourceVersionTriggersOnlyJobsThatReadItWithSwitchOn() {
    AssemblyLine line = line();
    assertEquals(List.of("build", "lint"), names(line.triggeredByResource("repo")));
    assertEquals(List.of("deploy"), names(line.triggeredByResource("app-image")));
    assertEquals(List.of(), names(line.triggeredByResource("cache")), "state never triggers");
    assertEquals(List.of(), names(line.triggeredByResource("no-such-resource")));
  }

  @Test
  void jobSuccessTriggersJobsThatReadItOrItsOutputs() {
    AssemblyLine line = line();
    assertEquals(List.of("deploy", "test"), names(line.triggeredBy(job(line, "build"))));
    assertEquals(List.of("deploy"), names(line.triggeredBy(job(line, "test"))));
  }

  @Test
  void edgesRecordWhichInputsTrigger() {
    AssemblyLine line = line();
    Edge auditIn =
        line.edges().stream()
            .filter(e -> e.to().equals("audit") && e.kind() == EdgeKind.IN)
            .findFirst()
            .orElseThrow();
    assertEquals(new Edge("app-image", "audit", EdgeKind.IN, false, false), auditIn);
    Edge cacheOut =
        line.edges().stream()
            .filter(e -> e.from().equals("build") && e.to().equals("cache"))
            .findFirst()
            .orElseThrow();
    assertEquals(new Edge("build", "cache", EdgeKind.OUT, true, false), cacheOut);
  }

  @Test
  void acyclicLineHasNoCycles() {
    assertEquals(List.of(), line().cycles());
  }

  @Test
  void findsACycleOfThreeJobsThroughResources() {
    Validation v =
        Pipelines.load(
            """
            resources:
              - {name: a, type: version, versionTemplate: {versionName: "1"}}
              - {name: b, type: version, versionTemplate: {versionName: "1"}}
              - {name: c, type: version, versionTemplate: {versionName: "1"}}
            jobs:
              - {name: x, type: runSh, steps: [{IN: c}, {TASK: {script: x}}, {OUT: a}]}
              - {name: y, type: runSh, steps: [{IN: a}, {TASK: {script: y}}, {OUT: b}]}
              - {name: z, type: runSh, steps: [{IN: b}, {TASK: {script: z}}, {OUT: c}]}
              - {name: w, type: runSh, steps: [{IN: c}, {TASK: {script: w}}]}
            """);
    AssemblyLine line = new AssemblyLine(v.pipeline());
    assertEquals(
        List.of(List.of("x", "y", "z")), line.cycles().stream().map(c -> names(c)).toList());
    assertEquals(
        List.of("shippable.yml:6:5: error[AL110]: jobs form a cycle: x → y → z → x"),
        Pipelines.headlines(v));
  }

  @Test
  void jobThatReadsItselfIsACycle() {
    Validation v =
        Pipelines.load(
            """
            jobs:
              - {name: loop, type: runSh, steps: [{IN: loop}, {TASK: {script: x}}]}
            """);
    assertEquals(1, new AssemblyLine(v.pipeline()).cycles().size());
    assertEquals(
        List.of("shippable.yml:2:5: error[AL110]: jobs form a cycle: loop → loop"),
        Pipelines.headlines(v));
  }

  // ---- 20,000 jobs, built directly: job i reads r(i-1) and writes r(i) ----

  private static final int BIG = 20_000;
  private static final SourceLocation HERE = new SourceLocation("big.yml", 1, 1);

  private static Pipeline chain(boolean ring, boolean reversed) {
    List<Resource> resources = new ArrayList<>();
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < BIG; i++) {
      resources.add(
          new VersionResource(
              new ResourceHeader(
                  "r" + i, "version", Optional.empty(), ResourceDefinition.NONE, List.of(), HERE)));
      List<Step> steps = new ArrayList<>();
      if (i > 0 || ring) {
        steps.add(in("r" + ((i + BIG - 1) % BIG)));
      }
      steps.add(
          new TaskStep(
              Optional.empty(), List.of(new ScriptLine("true", HERE)), TaskRuntime.DEFAULT, HERE));
      steps.add(
          new OutStep(
              new Named("r" + i, HERE),
              Optional.empty(),
              true,
              false,
              false,
              YamlMapping.empty(HERE),
              HERE));
      jobs.add(
          new RunShJob(
              new JobHeader(
                  "j" + i,
                  "runSh",
                  TriggerMode.SERIAL,
                  DependencyMode.CHRONO,
                  JobHeader.DEFAULT_PRIORITY,
                  false,
                  JobRuntime.DEFAULT,
                  List.of(),
                  List.of(),
                  new SourceLocation("big.yml", i + 1, 5)),
              steps,
              JobHooks.NONE));
    }
    if (reversed) {
      java.util.Collections.reverse(jobs);
    }
    return new Pipeline(resources, jobs, SourceSet.empty());
  }

  private static InStep in(String name) {
    return new InStep(
        new Named(name, HERE),
        true,
        Optional.empty(),
        OptionalLong.empty(),
        false,
        false,
        List.of(),
        Optional.empty(),
        YamlMapping.empty(HERE),
        HERE);
  }

  @Test
  void chainOf20000JobsIsOrderedAndWalkedWithoutStackOverflow() {
    AssemblyLine line = new AssemblyLine(chain(false, true)); // listed last job first
    List<Job> order = line.topologicalOrder();
    assertEquals(BIG, order.size());
    assertEquals("j0", order.get(0).name());
    assertEquals("j" + (BIG - 1), order.get(BIG - 1).name());
    assertEquals("j12345", order.get(12345).name());
    assertEquals(List.of(), line.cycles());
    List<Job> closure = line.downstreamClosure(List.of(line.job("j1").orElseThrow()));
    assertEquals(BIG - 1, closure.size());
    assertEquals("j1", closure.get(0).name());
  }

  @Test
  void ringOf20000JobsIsOneCycleFoundWithoutStackOverflow() {
    AssemblyLine line = new AssemblyLine(chain(true, false));
    List<List<Job>> cycles = line.cycles();
    assertEquals(1, cycles.size());
    assertEquals(BIG, cycles.get(0).size());
    assertEquals("j0", cycles.get(0).get(0).name());
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES) // the rule was quadratic: 5 minutes on this ring
  void ringOf20000JobsIsReportedOnceWithAShortMessage() {
    Validation v = new PipelineValidator().validate(chain(true, false), List.of());
    assertEquals(1, v.diagnostics().size());
    assertEquals(DiagnosticCode.AL110, v.diagnostics().get(0).code());
    assertEquals(
        "jobs form a cycle of 20000 jobs: j0 → j1 → j2 → j3 → j4 → … → j19997 → j19998 → "
            + "j19999 → j0",
        v.diagnostics().get(0).message());
  }
}
