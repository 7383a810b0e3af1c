package dev.shiprun.model.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.GenericResource;
import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.Pipelines;
import dev.shiprun.model.RunCiJob;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.validate.Validation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The runCI job and ciRepo Shippable made for a repository enabled for CI (spec §2.1). */
class ImpliedCiTest {

  private static AssemblyLine valid(String yaml) {
    return Pipelines.loadValid(yaml).valid().orElseThrow().line();
  }

  private static List<String> names(List<Job> jobs) {
    return jobs.stream().map(Job::name).toList();
  }

  @Test
  void anUndeclaredRunCiJobReadItsCiRepoAndTriggersTheJobsReadingIt() {
    AssemblyLine line =
        valid(
            """
            jobs:
              - name: deploy
                type: runSh
                steps:
                  - IN: app_runCI
                  - TASK:
                      script: echo deploy
            """);
    Job runCi = line.job("app_runCI").orElseThrow();
    assertInstanceOf(RunCiJob.class, runCi);
    assertEquals(List.of("app_ciRepo"), runCi.ins().stream().map(InStep::name).toList());
    assertInstanceOf(GenericResource.class, line.resource("app_ciRepo").orElseThrow());
    assertEquals("ciRepo", line.resource("app_ciRepo").get().type());
    assertEquals(List.of("deploy"), names(line.triggeredBy(runCi)));
    assertEquals(List.of("app_runCI"), names(line.triggeredByResource("app_ciRepo")));
    assertEquals(List.of("app_runCI", "deploy"), names(line.downstreamClosure(List.of(runCi))));
    assertTrue(line.implied("app_runCI").orElseThrow().job());
    assertEquals("app", line.implied("app_ciRepo").orElseThrow().repository());
    assertEquals(Optional.empty(), line.implied("deploy"));
    // the location of the implied names is where the line first needs them
    assertEquals(5, line.implied("app_runCI").get().usedAt().line());
  }

  @Test
  void readingTheCiRepoAloneImpliesTheRunCiJobToo() {
    AssemblyLine line =
        valid(
            """
            jobs:
              - name: report
                type: runSh
                steps:
                  - IN: app_ciRepo
                  - TASK:
                      script: echo report
            """);
    assertTrue(line.job("app_runCI").isPresent());
    assertEquals(2, line.implied().size());
  }

  @Test
  void aDeclaredRunCiJobReadsItsCiRepoWithoutSayingSo() {
    AssemblyLine line =
        valid(
            """
            resources:
              - name: repo
                type: gitRepo
                integration: github
                versionTemplate: {sourceName: example/app, branch: main}
            jobs:
              - name: app_runCI
                type: runCI
                steps:
                  - OUT: repo
                    replicate: app_ciRepo
            """);
    Job runCi = line.job("app_runCI").orElseThrow();
    assertEquals(List.of("app_ciRepo"), runCi.ins().stream().map(InStep::name).toList());
    assertEquals(Optional.empty(), line.implied("app_runCI"));
    assertTrue(line.implied("app_ciRepo").isPresent());
  }

  @Test
  void aDeclaredCiRepoOrJobIsNeverReplacedAndOtherNamesStayUnknown() {
    Validation v =
        Pipelines.load(
            """
            resources:
              - name: app_ciRepo
                type: params
                version: {params: {A: "1"}}
            jobs:
              - name: build
                type: runSh
                steps:
                  - IN: app_runCI
                  - IN: _runCI
                  - IN: app_runCl
                  - TASK:
                      script: echo build
            """);
    assertEquals(
        List.of(DiagnosticCode.AL107, DiagnosticCode.AL107),
        v.diagnostics().stream().map(d -> d.code()).toList());
    AssemblyLine line = new AssemblyLine(v.pipeline());
    assertEquals("params", line.resource("app_ciRepo").orElseThrow().type());
    assertEquals(List.of("app_runCI"), line.implied().stream().map(i -> i.name()).toList());
  }
}
