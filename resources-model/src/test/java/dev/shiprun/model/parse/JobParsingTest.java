package dev.shiprun.model.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.DependencyMode;
import dev.shiprun.model.HookSection;
import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.JobHeader;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.Pipelines;
import dev.shiprun.model.RunCiJob;
import dev.shiprun.model.RunShJob;
import dev.shiprun.model.ScriptLine;
import dev.shiprun.model.TaskEnv;
import dev.shiprun.model.TaskRuntime;
import dev.shiprun.model.TaskStep;
import dev.shiprun.model.TriggerMode;
import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.validate.Validation;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Reading jobs in both of Shippable's syntaxes (spec §1.3). */
class JobParsingTest {

  private static final String RESOURCES =
      """
      resources:
        - name: repo
          type: gitRepo
          integration: github
          versionTemplate: {sourceName: shiprun/app, branch: main}
        - name: img
          type: image
          versionTemplate: {sourceName: shiprun/app, versionName: "1.0"}
        - name: chat
          type: notification
          integration: slack
        - name: release-img
          type: image
          versionTemplate: {sourceName: shiprun/app, versionName: "1.0"}
        - name: release-repo
          type: gitRepo
          integration: github
          versionTemplate: {sourceName: shiprun/app, branch: release}
      """;

  private static Job onlyJob(String jobs) {
    Validation v = Pipelines.loadValid(RESOURCES + jobs);
    assertEquals(List.of(), v.diagnostics(), () -> Pipelines.render(v));
    assertEquals(1, v.pipeline().jobs().size());
    return v.pipeline().jobs().get(0);
  }

  private static List<String> lines(TaskStep task) {
    return task.script().stream().map(ScriptLine::text).toList();
  }

  @Test
  void readsNewTaskFormatWithNameScriptListAndRuntime() {
    Job job =
        onlyJob(
            """
            jobs:
              - name: build
                type: runSh
                steps:
                  - TASK:
                      name: compile
                      script:
                        - make
                        - |
                          make test
                          make dist
                      runtime:
                        container: true
                        options:
                          imageName: golang
                          imageTag: "1.22"
                          pull: false
                          options: "--cpus 2"
            """);
    TaskStep task = job.tasks().get(0);
    assertEquals(Optional.of("compile"), task.name());
    assertEquals(List.of("make", "make test\nmake dist\n"), lines(task));
    TaskRuntime runtime = task.runtime();
    assertEquals(Optional.of(true), runtime.container());
    assertEquals(Optional.of("golang"), runtime.imageName());
    assertEquals(Optional.of("1.22"), runtime.imageTag());
    assertFalse(runtime.pull());
    assertEquals(Optional.of("--cpus 2"), runtime.options());
  }

  @Test
  void scriptAsOneStringIsOneUnit() {
    Job job =
        onlyJob(
            """
            jobs:
              - name: build
                type: runSh
                steps:
                  - TASK:
                      script: make all
            """);
    assertEquals(List.of("make all"), lines(job.tasks().get(0)));
    assertEquals(TaskRuntime.DEFAULT, job.tasks().get(0).runtime());
  }

  @Test
  void readsOldTaskListFormatAsOneTaskWithEveryScriptInOrder() {
    Job job =
        onlyJob(
            """
            jobs:
              - name: build
                type: runSh
                steps:
                  - TASK:
                      - script: make
                      - script: make test
                      - script:
                          - make dist
                          - ls dist
            """);
    assertEquals(1, job.tasks().size());
    TaskStep task = job.tasks().get(0);
    assertEquals(List.of("make", "make test", "make dist", "ls dist"), lines(task));
    assertEquals(Optional.empty(), task.name());
    assertEquals("Task 0", task.displayName(0));
  }

  @Test
  void taskEnvAsAListOfSingleKeyMapsEqualsTaskEnvAsAMap() {
    String asList =
        """
        jobs:
          - name: build
            type: runSh
            steps:
              - TASK:
                  script: env
                  runtime:
                    options:
                      env:
                        - GOOS: linux
                        - CGO_ENABLED: 0
        """;
    String asMap = asList.replace("- GOOS", "  GOOS").replace("- CGO", "  CGO");
    List<TaskEnv> fromList = onlyJob(asList).tasks().get(0).runtime().env();
    List<TaskEnv> fromMap = onlyJob(asMap).tasks().get(0).runtime().env();
    assertEquals(List.of("GOOS=linux", "CGO_ENABLED=0"), pairs(fromList));
    assertEquals(pairs(fromList), pairs(fromMap));
  }

  @Test
  void taskEnvAlsoAcceptsKeyEqualsValueStrings() {
    Job job =
        onlyJob(
            """
            jobs:
              - name: build
                type: runSh
                steps:
                  - TASK:
                      script: env
                      runtime:
                        options:
                          env:
                            - "URL=http://x?a=b"
            """);
    assertEquals(List.of("URL=http://x?a=b"), pairs(job.tasks().get(0).runtime().env()));
  }

  private static List<String> pairs(List<TaskEnv> env) {
    return env.stream().map(e -> e.key() + "=" + e.value()).toList();
  }

  @Test
  void readsHooksInTheNewShape() {
    Job job =
        onlyJob(
            """
            jobs:
              - name: build
                type: runSh
                steps:
                  - TASK:
                      script: make
                on_success:
                  script:
                    - echo ok
                  NOTIFY: chat
                on_failure:
                  script: echo failed
                always:
                  script:
                    - echo done
            """);
    HookSection success = job.hooks().onSuccess();
    assertEquals(List.of("echo ok"), success.script().stream().map(ScriptLine::text).toList());
    assertEquals(
        List.of("chat"), success.notifications().stream().map(n -> n.target().name()).toList());
    assertEquals(
        List.of("echo failed"),
        job.hooks().onFailure().script().stream().map(ScriptLine::text).toList());
    assertEquals(
        List.of("echo done"),
        job.hooks().always().script().stream().map(ScriptLine::text).toList());
    assertTrue(job.hooks().onStart().isEmpty());
    assertTrue(job.hooks().onCancel().isEmpty());
  }

  @Test
  void oldHookShapeReadsTheSameAsTheNewShape() {
    String jobHead =
        """
        jobs:
          - name: build
            type: runSh
            steps:
              - TASK:
                  script: make
        """;
    Job oldShape =
        onlyJob(
            jobHead
                + """
                    on_success:
                      - script: echo ok
                      - script: echo really ok
                      - NOTIFY: chat
                """);
    Job newShape =
        onlyJob(
            jobHead
                + """
                    on_success:
                      script:
                        - echo ok
                        - echo really ok
                      NOTIFY: chat
                """);
    HookSection a = oldShape.hooks().onSuccess();
    HookSection b = newShape.hooks().onSuccess();
    assertEquals(texts(a), texts(b));
    assertEquals(List.of("echo ok", "echo really ok"), texts(a));
    assertEquals(
        a.notifications().stream().map(n -> n.target().name()).toList(),
        b.notifications().stream().map(n -> n.target().name()).toList());
  }

  private static List<String> texts(HookSection section) {
    return section.script().stream().map(ScriptLine::text).toList();
  }

  @Test
  void switchOffIsReadAsFalseAndTheDefaultIsOn() {
    Job job =
        onlyJob(
            """
            jobs:
              - name: deploy
                type: runSh
                steps:
                  - IN: img
                    switch: off
                  - IN: repo
                  - TASK:
                      script: deploy
            """);
    assertFalse(job.ins().get(0).switchOn());
    assertTrue(job.ins().get(1).switchOn());
  }

  @Test
  void switchOffInQuotesMeansTheSameAsWithout() {
    // Shippable kept it as the string "off" (version.json: "switch": "off")
    Job job =
        onlyJob(
            """
            jobs:
              - name: deploy
                type: runSh
                steps:
                  - IN: img
                    switch: "off"
                  - IN: repo
                    switch: false
                  - TASK:
                      script: deploy
            """);
    assertFalse(job.ins().get(0).switchOn());
    assertFalse(job.ins().get(1).switchOn());
  }

  @Test
  void rejectsSwitchThatIsNeitherOnNorOff() {
    Validation v =
        Pipelines.load(
            RESOURCES
                + """
                jobs:
                  - name: deploy
                    type: runSh
                    steps:
                      - IN: img
                        switch: sometimes
                      - TASK:
                          script: deploy
                """);
    Diagnostic d = v.diagnostics().get(0);
    assertEquals(DiagnosticCode.AL011, d.code());
    assertTrue(d.message().contains("must be on or off, found 'sometimes'"), d.message());
  }

  @Test
  void readsInAndOutOptions() {
    Job job =
        onlyJob(
            """
            jobs:
              - name: promote
                type: runSh
                steps:
                  - IN: repo
                    versionName: abc123
                    showBuildStatus: true
                    dependencyMode: strict
                  - IN: img
                    versionNumber: 7
                    pull: true
                  - TASK:
                      script: promote
                  - OUT: release-img
                    overwrite: true
                  - OUT: release-repo
                    replicate: repo
                    replicateOnPullRequest: false
            """);
    InStep repo = job.ins().get(0);
    assertEquals(Optional.of("abc123"), repo.versionName());
    assertTrue(repo.showBuildStatus());
    assertEquals(Optional.of(DependencyMode.STRICT), repo.dependencyMode());
    InStep img = job.ins().get(1);
    assertEquals(7L, img.versionNumber().getAsLong());
    assertTrue(img.pull());
    OutStep imgOut = job.outs().get(0);
    assertTrue(imgOut.overwrite());
    assertEquals(Optional.empty(), imgOut.replicate());
    OutStep repoOut = job.outs().get(1);
    assertEquals("repo", repoOut.replicate().orElseThrow().name());
    assertFalse(repoOut.replicateOnPullRequest());
  }

  @Test
  void readsJobHeaderWithDefaults() {
    JobHeader header =
        onlyJob(
                """
                jobs:
                  - name: build
                    type: runSh
                    steps:
                      - TASK:
                          script: make
                """)
            .header();
    assertEquals(TriggerMode.SERIAL, header.triggerMode());
    assertEquals(DependencyMode.CHRONO, header.dependencyMode());
    assertEquals(JobHeader.DEFAULT_PRIORITY, header.priority());
    assertFalse(header.allowPublicAccess());
    assertEquals(Optional.empty(), header.runtime().container());
  }

  @Test
  void readsJobHeaderAsWritten() {
    Job job =
        onlyJob(
            """
            jobs:
              - name: build
                type: runSh
                triggerMode: parallel
                dependencyMode: immediate
                priority: 0
                allowPublicAccess: true
                integrations:
                  - hub-creds
                runtime:
                  nodePool: big
                  container: false
                  timeoutMinutes: 30
                flags: [ci, go]
                steps:
                  - TASK:
                      script: make
            """);
    JobHeader header = job.header();
    assertInstanceOf(RunShJob.class, job);
    assertEquals(TriggerMode.PARALLEL, header.triggerMode());
    assertEquals(DependencyMode.IMMEDIATE, header.dependencyMode());
    assertEquals(0, header.priority());
    assertTrue(header.allowPublicAccess());
    assertEquals("hub-creds", header.integrations().get(0).name());
    assertEquals(Optional.of("big"), header.runtime().nodePool());
    assertEquals(Optional.of(false), header.runtime().container());
    assertEquals(OptionalInt.of(30), header.runtime().timeoutMinutes());
    assertEquals(List.of("ci", "go"), header.flags());
    assertEquals(
        new SourceLocation("shippable.yml", 20, 5), job.at(), "after 18 lines of resources");
  }

  @Test
  void runtimeWrittenAsAListIsReadWithAWarning() {
    Validation v =
        Pipelines.load(
            """
            jobs:
              - name: build
                type: runSh
                runtime:
                  - nodePool: big
                  - timeoutMinutes: 5
                steps:
                  - TASK:
                      script: make
            """);
    assertEquals(0, v.errorCount(), () -> Pipelines.render(v));
    assertEquals(DiagnosticCode.AL008, v.diagnostics().get(0).code());
    JobHeader header = v.pipeline().jobs().get(0).header();
    assertEquals(Optional.of("big"), header.runtime().nodePool());
    assertEquals(OptionalInt.of(5), header.runtime().timeoutMinutes());
  }

  @Test
  void runCiJobIsReadWithItsInsAndOuts() {
    Job job =
        onlyJob(
            """
            jobs:
              - name: app_runCI
                type: runCI
                steps:
                  - IN: img
                  - OUT: repo
            """);
    assertInstanceOf(RunCiJob.class, job);
    assertEquals(1, job.ins().size());
    assertEquals(1, job.outs().size());
  }

  @Test
  void taskWithBadScriptItemsIsNotAlsoReportedAsHavingNoScript() {
    Validation v =
        Pipelines.load(
            """
            jobs:
              - name: build
                type: runSh
                steps:
                  - TASK:
                      script:
                        - echo time: now
            """);
    assertEquals(
        List.of(DiagnosticCode.AL008), v.diagnostics().stream().map(Diagnostic::code).toList());
  }

  @Test
  void rejectsTaskWithoutScriptNamingItAsShippableDoes() {
    Validation v =
        Pipelines.load(
            """
            jobs:
              - name: build
                type: runSh
                steps:
                  - TASK:
                      script: make
                  - TASK:
                      - script:
            """);
    assertEquals(
        List.of("shippable.yml:7:9: error[AL106]: TASK 'Task 1' of job 'build' has no script"),
        Pipelines.headlines(v));
  }

  @Test
  void runCiTaskIsOneErrorNotTwo() {
    Validation v =
        Pipelines.load(
            """
            jobs:
              - name: app_runCI
                type: runCI
                steps:
                  - TASK:
            """);
    assertEquals(
        List.of(DiagnosticCode.AL116), v.diagnostics().stream().map(Diagnostic::code).toList());
  }

  @Test
  void stepWithTwoKindsIsReportedOnceAndReadAsTheFirst() {
    Validation v =
        Pipelines.load(
            RESOURCES
                + """
                jobs:
                  - name: build
                    type: runSh
                    steps:
                      - TASK:
                          script: make
                        OUT: img
                """);
    assertEquals(
        List.of(DiagnosticCode.AL121), v.diagnostics().stream().map(Diagnostic::code).toList());
    Job job = v.pipeline().jobs().get(0);
    assertEquals(1, job.tasks().size(), "no 'has no TASK' warning follows");
  }

  @Test
  void stepKindInTheWrongCaseGetsAnUpperCaseHintButAShortOtherWordDoesNot() {
    Validation v =
        Pipelines.load(
            RESOURCES
                + """
                jobs:
                  - name: build
                    type: runSh
                    steps:
                      - in: img
                      - RUN: make
                      - TAKS:
                          script: make
                """);
    List<List<String>> hints =
        v.diagnostics().stream()
            .filter(d -> d.code() == DiagnosticCode.AL121)
            .map(Diagnostic::hints)
            .toList();
    assertEquals(
        List.of(
            List.of("did you mean 'IN'? step kinds are upper case"),
            List.of("start the step with IN, OUT, TASK or NOTIFY"),
            List.of("did you mean 'TASK'?")),
        hints);
  }

  @Test
  void templateListsInScriptsAreFlattenedAtAnyDepthAndStandWhereTheyAreUsed() {
    Job job =
        onlyJob(
            """
            templates:
              setup: &setup
                - echo setup
              build: &build
                - *setup
                - - echo nested
                - echo build
            jobs:
              - name: build
                type: runSh
                steps:
                  - TASK:
                      script:
                        - echo first
                        - *build
                on_success:
                  script: *setup
                always:
                  - *build
            """);
    RunShJob runSh = (RunShJob) job;
    TaskStep task = (TaskStep) runSh.steps().get(0);
    assertEquals(List.of("echo first", "echo setup", "echo nested", "echo build"), lines(task));
    // the commands of the template stand at '- *build', the line the job writes
    SourceLocation useSite = new SourceLocation("shippable.yml", 33, 15);
    assertEquals(useSite, task.script().get(1).at());
    assertEquals(useSite, task.script().get(3).at());
    assertEquals(
        List.of("echo setup"),
        runSh.hooks().onSuccess().script().stream().map(ScriptLine::text).toList());
    assertEquals(
        List.of("echo setup", "echo nested", "echo build"),
        runSh.hooks().always().script().stream().map(ScriptLine::text).toList());
  }

  @Test
  void aStepInsideATaskIsAnErrorNotADroppedStep() {
    Validation v =
        Pipelines.load(
            RESOURCES
                + """
                jobs:
                  - name: build
                    type: runSh
                    steps:
                      - TASK:
                          - script: make
                          - OUT: img
                """);
    List<Diagnostic> errors = v.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(1, errors.size(), () -> Pipelines.render(v));
    assertEquals(DiagnosticCode.AL123, errors.get(0).code());
    assertEquals(
        "step 'OUT: img' is inside TASK of job 'build', not a step", errors.get(0).message());
  }
}
