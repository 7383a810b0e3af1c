package dev.shiprun.model.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.Job;
import dev.shiprun.model.Resource;
import dev.shiprun.model.diagnostic.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Big files of one line are read in parallel; the result must be what reading them one by one
 * gives: resources and jobs in file order, every diagnostic with its own file's positions.
 */
class ParallelReadTest {

  private final PipelineParser parser = new PipelineParser();

  @Test
  void twoBigFilesReadTogetherGiveWhatEachGivesAlone() {
    PipelineFile resources = file("shippable.resources.yml", resourcesYaml(3000));
    PipelineFile jobs = file("shippable.jobs.yml", jobsYaml(3000));
    assertTrue(
        resources.bytes().length + jobs.bytes().length > 256 * 1024, "big enough to go parallel");

    ParseResult together = parser.parse(List.of(resources, jobs));
    ParseResult first = parser.parse(List.of(resources));
    ParseResult second = parser.parse(List.of(jobs));

    assertEquals(names(first.pipeline().resources()), names(together.pipeline().resources()));
    assertEquals(jobNames(second.pipeline().jobs()), jobNames(together.pipeline().jobs()));
    assertEquals(3000, together.pipeline().resources().size());
    assertEquals(3000, together.pipeline().jobs().size());

    List<Diagnostic> expected = new ArrayList<>(first.diagnostics());
    expected.addAll(second.diagnostics());
    assertEquals(
        expected.stream().map(ParallelReadTest::line).sorted().toList(),
        together.diagnostics().stream().map(ParallelReadTest::line).sorted().toList());
    // one planted problem per file, each reported against its own file and line
    assertEquals(
        List.of(
            "shippable.jobs.yml:" + (3 + 1500 * 6 + 2) + ":5 AL",
            "shippable.resources.yml:" + (3 + 1000 * 4 + 2) + ":5 AL"),
        together.diagnostics().stream()
            .map(d -> d.at().file() + ":" + d.at().line() + ":" + d.at().column() + " AL")
            .sorted()
            .toList());
  }

  private static String line(Diagnostic d) {
    return d.at().file() + ":" + d.at().line() + ":" + d.at().column() + " " + d.message();
  }

  private static List<String> names(List<Resource> resources) {
    return resources.stream().map(Resource::name).toList();
  }

  private static List<String> jobNames(List<Job> jobs) {
    return jobs.stream().map(Job::name).toList();
  }

  /** 4 lines per resource; resource 1000 has an unknown key on its third line. */
  private static String resourcesYaml(int n) {
    StringBuilder y = new StringBuilder("# resources\nresources:\n");
    for (int i = 0; i < n; i++) {
      y.append("  - name: res-").append(i).append('\n');
      y.append("    type: params\n");
      y.append(i == 1000 ? "    versionTemplat:\n" : "    versionTemplate:\n");
      y.append("      params: {KEY: \"value-").append(i).append("\"}\n");
    }
    return y.toString();
  }

  /** 6 lines per job; job 1500 has an unknown key on its third line. */
  private static String jobsYaml(int n) {
    StringBuilder y = new StringBuilder("# jobs\njobs:\n");
    for (int i = 0; i < n; i++) {
      y.append("  - name: job-").append(i).append('\n');
      y.append("    type: runSh\n");
      y.append(i == 1500 ? "    stepz:\n" : "    steps:\n");
      y.append("      - IN: res-").append(i).append('\n');
      y.append("      - TASK:\n");
      y.append("          script: echo ").append(i).append('\n');
    }
    return y.toString();
  }

  private static PipelineFile file(String name, String text) {
    return new PipelineFile(name, text.getBytes(StandardCharsets.UTF_8));
  }
}
