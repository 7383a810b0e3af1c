package dev.shiprun.model.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MatrixTest {

  private static List<MatrixJob> jobs(String yaml) {
    return Matrix.expand(CiYaml.clean(yaml));
  }

  /** "N.k (version, A=1 B=2) allowed" for each job, to compare whole matrices at once. */
  private static List<String> describe(List<MatrixJob> jobs) {
    return jobs.stream()
        .map(
            j ->
                j.number()
                    + " "
                    + j.version().orElse("-")
                    + j.gemfile().map(g -> "/" + g).orElse("")
                    + " "
                    + String.join(" ", j.env().stream().map(EnvItem::key).toList())
                    + (j.allowFailure() ? " allowed" : ""))
        .toList();
  }

  @Test
  void languageVersionsTimesEnvMatrixEntriesInOrder() {
    List<MatrixJob> jobs =
        jobs(
            """
            language: node_js
            node_js: ["8", "10"]
            env:
              matrix: ["A=1", "A=2"]
            """);
    assertEquals(List.of("1 8 A=1", "2 8 A=2", "3 10 A=1", "4 10 A=2"), describe(jobs));
  }

  @Test
  void excludeRemovesTheCombinationItMatches() {
    List<MatrixJob> jobs =
        jobs(
            """
            language: node_js
            node_js: ["8", "10"]
            env:
              matrix: ["A=1", "A=2"]
            matrix:
              exclude:
                - node_js: "8"
                  env: A=2
            """);
    assertEquals(List.of("1 8 A=1", "2 10 A=1", "3 10 A=2"), describe(jobs));
  }

  @Test
  void excludeWithOnlyAVersionRemovesEveryJobOfThatVersion() {
    List<MatrixJob> jobs =
        jobs(
            """
            language: python
            python: ["3.6", "3.10"]
            env: ["A=1", "A=2"]
            matrix:
              exclude:
                - python: "3.6"
            """);
    assertEquals(List.of("1 3.10 A=1", "2 3.10 A=2"), describe(jobs));
  }

  @Test
  void includeAddsItsJobAfterTheProduct() {
    List<MatrixJob> jobs =
        jobs(
            """
            language: node_js
            node_js: ["8", "10"]
            matrix:
              include:
                - node_js: "12"
                  env: EXTRA=yes
            """);
    assertEquals(List.of("1 8 ", "2 10 ", "3 12 EXTRA=yes"), describe(jobs));
  }

  @Test
  void includeAloneListsTheJobsAndAnIncludeWithoutVersionRunsTheFirst() {
    assertEquals(
        List.of("1 - A=1", "2 - A=2"),
        describe(
            jobs(
                """
                matrix:
                  include:
                    - env: A=1
                    - env: A=2
                """)));
    assertEquals(
        Optional.of("2.7"),
        jobs("""
                rvm: ["2.7", "3.0"]
                matrix:
                  include:
                    - env: A=1
                """)
            .get(2)
            .version());
  }

  @Test
  void allowFailuresMarksTheJobsItMatches() {
    List<MatrixJob> jobs =
        jobs(
            """
            language: node_js
            node_js: ["8", "10"]
            env: ["A=1", "A=2"]
            matrix:
              allow_failures:
                - node_js: "10"
            """);
    assertEquals(
        List.of("1 8 A=1", "2 8 A=2", "3 10 A=1 allowed", "4 10 A=2 allowed"), describe(jobs));
  }

  @Test
  void globalEnvMakesNoJobAndComesFirstInEveryJob() {
    assertEquals(
        List.of("1 - G=1 H=2"),
        describe(
            jobs(
                """
                language: go
                env:
                  global: ["G=1", "H=2"]
                """)));
    assertEquals(
        List.of("1 - G=1 A=1", "2 - G=1 A=2"),
        describe(
            jobs(
                """
                language: go
                env:
                  global: ["G=1"]
                  matrix: ["A=1", "A=2"]
                """)));
  }

  @Test
  void anEmptyProductIsOneJob() {
    List<MatrixJob> jobs = jobs("language: node_js\n");
    assertEquals(1, jobs.size());
    assertEquals(Optional.empty(), jobs.get(0).version());
    assertEquals(1, jobs.get(0).number());
  }

  @Test
  void rubyGemfilesAreADimensionBetweenVersionsAndEnv() {
    List<MatrixJob> jobs =
        jobs(
            """
            rvm: ["2.7", "3.0"]
            gemfile: [gemfiles/a, gemfiles/b]
            env: ["A=1"]
            matrix:
              exclude:
                - rvm: "3.0"
                  gemfile: gemfiles/a
              allow_failures:
                - gemfile: gemfiles/b
            """);
    assertEquals(
        List.of(
            "1 2.7/gemfiles/a A=1", "2 2.7/gemfiles/b A=1 allowed", "3 3.0/gemfiles/b A=1 allowed"),
        describe(jobs));
  }

  @Test
  void aGemfileOutsideRubyMakesNoJobs() {
    assertEquals(1, jobs("language: node_js\ngemfile: [gemfiles/a, gemfiles/b]\n").size());
  }
}
