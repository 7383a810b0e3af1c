package dev.shiprun.runner.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shiprun.model.Job;
import dev.shiprun.model.TaskStep;
import dev.shiprun.runner.engine.TestLines;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which executor runs each script of a job: one row per sentence of the rule. */
class ScriptPlacementTest {

  /**
   * @param job the job's {@code runtime.container}, or {@code -} when it says nothing
   * @param task the TASK's {@code runtime} as flow YAML, or {@code -} when it has none
   * @param node the node's {@code --runtime-default}
   * @param expected the executor of the TASK's script
   */
  @ParameterizedTest(name = "job {0}, TASK {1}, node {2}: {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        // A TASK's runtime.container true runs in a container, whatever the job and the node say.
        "-     | {container: true}                          | host        | container",
        "false | {container: true}                          | host        | container",
        // A TASK that names options.imageName runs in a container.
        "-     | {options: {imageName: alpine}}             | host        | container",
        // A node whose default is another executor than the host runs containers there.
        "-     | {container: true}                          | testSandbox | testSandbox",
        "-     | {options: {imageName: alpine}}             | testSandbox | testSandbox",
        "true  | -                                          | testSandbox | testSandbox",
        // A TASK of a job whose runtime.container is true runs in a container.
        "true  | -                                          | host        | container",
        // runtime.container false always means the host: the TASK's, else its job's.
        "true  | {container: false}                         | container   | host",
        "-     | {container: false, options: {imageName: a}} | container | host",
        "false | -                                          | container   | host",
        "false | {options: {imageName: alpine}}             | container   | host",
        "-     | {container: false}                         | testSandbox | host",
        // Otherwise the node's default: host, container, or a plugin executor's name.
        "-     | -                                          | host        | host",
        "-     | -                                          | container   | container",
        "-     | {options: {env: [{A: b}]}}                 | testSandbox | testSandbox",
      })
  void aTaskRunsWhereItsRuntimeItsJobOrTheNodeSays(
      String job, String task, String node, String expected) {
    Job parsed = job(job, task);
    TaskStep step = parsed.tasks().get(0);
    assertEquals(expected, ScriptPlacement.executorName(parsed, Optional.of(step), node));
  }

  /** on_start and on_cancel follow the job's runtime.container, else the node's default. */
  @ParameterizedTest(name = "job {0}, node {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "true  | host        | container",
        "false | container   | host",
        "-     | host        | host",
        "-     | container   | container",
        "-     | testSandbox | testSandbox",
      })
  void aScriptThatIsNoTaskFollowsItsJobElseTheNode(String job, String node, String expected) {
    // The TASK's own runtime does not move on_start or on_cancel.
    Job parsed = job(job, "{container: true, options: {imageName: alpine}}");
    assertEquals(expected, ScriptPlacement.executorName(parsed, Optional.empty(), node));
  }

  @Test
  void optionsAreSplitAsAShellSplitsThem() {
    assertEquals(
        List.of("--memory", "512m", "-e", "GREETING=hello world", "say \"hi\" $X", "a b", "c"),
        ScriptPlacement.splitOptions(
            "  --memory 512m\t-e 'GREETING=hello world' \"say \\\"hi\\\" \\$X\" a\\ b c "));
    assertEquals(List.of("", "x"), ScriptPlacement.splitOptions("'' x"));
    assertEquals(List.of(), ScriptPlacement.splitOptions("   "));
  }

  @Test
  void anUnclosedQuoteIsRefused() {
    assertEquals(
        "the ' at offset 3 is not closed",
        assertThrows(IllegalArgumentException.class, () -> ScriptPlacement.splitOptions("-e 'A=b"))
            .getMessage());
    assertEquals(
        "the \" at offset 0 is not closed",
        assertThrows(IllegalArgumentException.class, () -> ScriptPlacement.splitOptions("\"x"))
            .getMessage());
  }

  private static Job job(String jobContainer, String taskRuntime) {
    String yaml =
        "jobs:\n"
            + "  - name: build\n"
            + "    type: runSh\n"
            + (jobContainer.equals("-") ? "" : "    runtime: {container: " + jobContainer + "}\n")
            + "    steps:\n"
            + "      - TASK:\n"
            + (taskRuntime.equals("-") ? "" : "          runtime: " + taskRuntime + "\n")
            + "          script: [echo hi]\n"
            + "    on_start:\n"
            + "      script: [echo start]\n";
    return TestLines.parse(yaml).job("build").orElseThrow();
  }
}
