package dev.shiprun.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A job's IN, OUT and TASK steps are its steps of that kind, in YAML order, immutable. */
class JobStepsTest {

  @Test
  void insOutsAndTasksAreTheStepsOfTheirKindInYamlOrder() {
    Job job =
        Pipelines.loadValid(
                """
                resources:
                  - name: a
                    type: params
                    versionTemplate: {params: {X: "1"}}
                  - name: b
                    type: params
                    versionTemplate: {params: {Y: "2"}}
                  - name: s
                    type: state
                jobs:
                  - name: j
                    type: runSh
                    steps:
                      - IN: a
                      - TASK:
                          script: [echo one]
                      - OUT: s
                      - IN: b
                      - TASK:
                          script: [echo two]
                """)
            .valid()
            .orElseThrow()
            .line()
            .jobs()
            .get(0);
    assertEquals(5, job.steps().size());
    assertEquals(plain(job.steps(), InStep.class), job.ins());
    assertEquals(plain(job.steps(), OutStep.class), job.outs());
    assertEquals(plain(job.steps(), TaskStep.class), job.tasks());
    assertEquals(List.of("a", "b"), job.ins().stream().map(in -> in.target().name()).toList());
    assertTrue(job.steps().get(1) instanceof TaskStep);
    assertThrows(UnsupportedOperationException.class, () -> job.steps().remove(0));
    assertThrows(UnsupportedOperationException.class, () -> job.ins().clear());
  }

  private static <S extends Step> List<S> plain(List<Step> steps, Class<S> kind) {
    return steps.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
