package dev.shiprun.model.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.Pipelines;
import dev.shiprun.model.plan.Plan;
import dev.shiprun.model.plan.PlanRequest;
import dev.shiprun.model.plan.Planner;
import dev.shiprun.model.validate.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One repository of a subscription validates alone when it says which names live elsewhere. */
class ExternalNamesTest {

  @TempDir Path dir;

  private static final String JOBS =
      "jobs:\n"
          + "  - name: deploy\n"
          + "    type: runSh\n"
          + "    steps:\n"
          + "      - IN: shared_params\n"
          + "      - IN: build_api\n"
          + "      - TASK:\n"
          + "          script:\n"
          + "            - echo deploy\n";

  private void write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private String root() {
    return dir.normalize().toString().replace('\\', '/');
  }

  @Test
  void withoutExternalNamesAnotherRepositorysNamesAreUnknown() throws IOException {
    write("shippable.jobs.yml", JOBS);
    Validation v = new AssemblyLineLoader().load(List.of(dir));
    assertEquals(2, v.errorCount(), Pipelines.headlines(v).toString());
    assertTrue(Pipelines.headlines(v).get(0).contains("error[AL107]"));
  }

  @Test
  void externalOptionNamesMakeOneWarningEachAtTheirFirstUse() throws IOException {
    write("shippable.jobs.yml", JOBS);
    Validation v =
        new AssemblyLineLoader().load(List.of(dir), List.of("shared_params", "build_api"));
    String jobs = root() + "/shippable.jobs.yml";
    assertEquals(
        List.of(
            jobs
                + ":5:13: warning[AL124]: job 'deploy' reads 'shared_params', a name from another"
                + " repository (--external); shiprun cannot check it here",
            jobs
                + ":6:13: warning[AL124]: job 'deploy' reads 'build_api', a name from another"
                + " repository (--external); shiprun cannot check it here"),
        Pipelines.headlines(v));
    assertTrue(v.valid().isPresent());
    assertEquals(
        List.of("shared_params", "build_api"),
        v.valid().get().line().external().usedBy(v.pipeline().job("deploy").orElseThrow()));
  }

  @Test
  void theSettingsFileListsExternalNamesAndWarnsAboutItsOwnUnknownKeys() throws IOException {
    write("shippable.jobs.yml", JOBS);
    write(
        "shippable.shiprun.yml",
        "# names the other repository defines\nexternal:\n  - shared_params\n  - build_api\n"
            + "  - not_used\nextrnal: []\n");
    Validation v = new AssemblyLineLoader().load(List.of(dir));
    String settings = root() + "/shippable.shiprun.yml";
    List<String> headlines = Pipelines.headlines(v);
    assertEquals(4, headlines.size(), headlines.toString());
    assertTrue(v.valid().isPresent(), headlines.toString());
    assertTrue(
        headlines.contains(
            settings
                + ":5:5: warning[AL124]: 'not_used' is declared external (shippable.shiprun.yml)"
                + " but no job here uses it"),
        headlines.toString());
    assertTrue(
        headlines.contains(
            settings
                + ":6:1: warning[AL010]: unknown key 'extrnal' in shippable.shiprun.yml; it is"
                + " ignored"),
        headlines.toString());
    assertTrue(Pipelines.render(v).contains("  - not_used"), "the settings file's line is quoted");
  }

  @Test
  void anExternalNameTheFilesDefineIsAWarningAtTheDefinition() throws IOException {
    write("shippable.jobs.yml", JOBS);
    write(
        "shippable.resources.yml",
        "resources:\n  - name: shared_params\n    type: params\n    version:\n"
            + "      params:\n        A: b\n");
    Validation v =
        new AssemblyLineLoader().load(List.of(dir), List.of("shared_params", "build_api"));
    List<String> headlines = Pipelines.headlines(v);
    assertTrue(
        headlines.contains(
            root()
                + "/shippable.resources.yml:2:5: warning[AL124]: 'shared_params' is defined"
                + " here, not external; --external names it as another repository's"),
        headlines.toString());
    assertTrue(v.valid().isPresent(), headlines.toString());
  }

  @Test
  void aSettingsFileOfTheWrongShapeIsAnError() throws IOException {
    write("shippable.jobs.yml", JOBS);
    write("shippable.shiprun.yml", "external: shared_params\n");
    Validation v = new AssemblyLineLoader().load(List.of(dir));
    assertTrue(
        Pipelines.headlines(v)
            .contains(
                root()
                    + "/shippable.shiprun.yml:1:11: error[AL008]: 'external' must be a list of"
                    + " names, found a string"),
        Pipelines.headlines(v).toString());
  }

  @Test
  void planNotesTheJobsThatNeedAnotherRepository() throws IOException {
    write(
        "shippable.yml",
        "resources:\n  - name: local_params\n    type: params\n    version:\n      params:\n"
            + "        A: b\n"
            + "jobs:\n  - name: build\n    type: runSh\n    steps:\n      - IN: local_params\n"
            + "      - TASK:\n          script:\n            - echo build\n"
            + "  - name: deploy\n    type: runSh\n    steps:\n      - IN: build\n"
            + "      - IN: shared_params\n      - TASK:\n          script:\n            - echo d\n"
            + "  - name: audit\n    type: runSh\n    steps:\n      - IN: shared_params\n"
            + "      - TASK:\n          script:\n            - echo a\n");
    Validation v = new AssemblyLineLoader().load(List.of(dir), List.of("shared_params"));
    Plan plan =
        new Planner().plan(v.valid().orElseThrow(), new PlanRequest(List.of(), true, Map.of()));
    assertEquals(
        List.of("build", "deploy"), plan.jobs().stream().map(j -> j.job().name()).toList());
    assertEquals(List.of(), plan.jobs().get(0).notes());
    assertEquals(
        List.of(
            "not run here: needs 'shared_params' from another repository; it runs only where"
                + " that line is loaded too (give both repositories' folders as PATHs)"),
        plan.jobs().get(1).notes());
    assertEquals(
        List.of(
            "job 'audit' is not planned: it needs 'shared_params' from another repository; it"
                + " runs only where that line is loaded too (give both repositories' folders as"
                + " PATHs)"),
        plan.notes());
  }

  @Test
  void aRepositorysExternalNamesDefinedByAnotherDirectoryGivenAlongsideAreSatisfied()
      throws IOException {
    write("b/shippable.jobs.yml", JOBS);
    write("b/shippable.shiprun.yml", "external:\n  - shared_params\n  - build_api\n");
    write(
        "a/shippable.yml",
        "resources:\n  - name: shared_params\n    type: params\n    version:\n"
            + "      params:\n        A: b\n"
            + "jobs:\n  - name: build_api\n    type: runSh\n    steps:\n"
            + "      - IN: shared_params\n      - TASK:\n          script:\n            - echo\n");
    Validation together =
        new AssemblyLineLoader().load(List.of(dir.resolve("a"), dir.resolve("b")));
    assertEquals(List.of(), Pipelines.headlines(together));
    assertTrue(together.valid().orElseThrow().line().external().isEmpty(), "nothing left out");
    write("b/shippable.resources.yml", "resources:\n  - name: shared_params\n    type: params\n");
    Validation contradicted = new AssemblyLineLoader().load(List.of(dir.resolve("b")));
    assertTrue(
        Pipelines.headlines(contradicted)
            .contains(
                root()
                    + "/b/shippable.resources.yml:2:5: warning[AL124]: 'shared_params' is defined"
                    + " here, not external; shippable.shiprun.yml names it as another"
                    + " repository's"),
        Pipelines.headlines(contradicted).toString());
  }
}
