package dev.shiprun.model.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.Job;
import dev.shiprun.model.Pipelines;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.parse.PipelineFile;
import dev.shiprun.model.parse.PipelineFiles;
import dev.shiprun.model.parse.PipelineFiles.TreeLimits;
import dev.shiprun.model.validate.Validation;
import dev.shiprun.model.yaml.YamlLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory is read as Shippable read a sync repository: every folder below it too. */
class DirectoryTreeTest {

  @TempDir Path dir;

  private void write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static String job(String name, String in) {
    return "jobs:\n  - name: "
        + name
        + "\n    type: runSh\n    steps:\n      - IN: "
        + in
        + "\n      - TASK:\n          script:\n            - echo "
        + name
        + "\n";
  }

  /** The directory as the loader names it: the path as given, with forward slashes. */
  private String root() {
    return dir.normalize().toString().replace('\\', '/');
  }

  private List<String> names(List<PipelineFile> files) {
    String prefix = root() + "/";
    return files.stream().map(f -> f.name().replace(prefix, "")).toList();
  }

  @Test
  void everyFolderIsReadInSortedOrderWithTheFolderOrderInside() throws IOException {
    write("shippable.jobs.yml", "jobs: []\n");
    write("shippable.resources.yml", "resources: []\n");
    write("b/shippable.jobs.yml", "jobs: []\n");
    write("a/z/shippable.yml", "jobs: []\n");
    write("a/shippable.triggers.yml", "resources: []\n");
    write("a/shippable.templates.yml", "templates: {}\n");
    write("a-c/shippable.yml", "jobs: []\n");
    write("a/notes.yml", "not: read\n");
    Diagnostics out = new Diagnostics();
    List<PipelineFile> files =
        new PipelineFiles(YamlLimits.DEFAULT.maxBytes()).read(List.of(dir), out);
    assertEquals(
        List.of(
            "shippable.resources.yml",
            "shippable.jobs.yml",
            "a/shippable.templates.yml",
            "a/shippable.triggers.yml",
            "a/z/shippable.yml",
            "a-c/shippable.yml",
            "b/shippable.jobs.yml"),
        names(files));
    assertTrue(out.sorted().isEmpty(), out.sorted().toString());
  }

  @Test
  void hiddenAndVendoredFoldersAreNotEntered() throws IOException {
    write("shippable.yml", job("main", "src"));
    write("shippable.resources.yml", "resources:\n  - name: src\n    type: params\n");
    for (String skipped :
        List.of(".git", ".github", "node_modules", "vendor", "bower_components")) {
      write(skipped + "/shippable.jobs.yml", "jobs: [ broken\n");
    }
    write("node_modules/pkg/shippable.yml", "jobs: [ broken\n");
    Validation v = new AssemblyLineLoader().load(List.of(dir));
    assertEquals(List.of(), Pipelines.headlines(v));
    assertEquals(List.of("main"), v.pipeline().jobs().stream().map(Job::name).toList());
  }

  @Test
  void aJobInOneFolderReadsAResourceOfAnotherAndNamesKeepTheTypedPath() throws IOException {
    write("svc/api/shippable.jobs.yml", job("api_build", "api_repo") + "      - IN: nope\n");
    write("infra/shippable.resources.yml", "resources:\n  - name: api_repo\n    type: params\n");
    Validation v = new AssemblyLineLoader().load(List.of(dir));
    List<String> headlines = Pipelines.headlines(v);
    assertEquals(1, headlines.size(), headlines.toString());
    String jobs = root() + "/svc/api/shippable.jobs.yml";
    assertTrue(headlines.get(0).startsWith(jobs + ":9:13: error[AL107]"), headlines.get(0));
  }

  @Test
  void theRootTemplatesLendToEveryFolderAndAFoldersOwnOnlyToItsFiles() throws IOException {
    write("shippable.templates.yml", "templates:\n  build: &build\n    - make root\n");
    write(
        "a/shippable.templates.yml",
        "templates:\n  build: &build\n    - make a\n  only_a: &only_a\n    - make only\n");
    String uses =
        "jobs:\n  - name: %s\n    type: runSh\n    steps:\n      - TASK:\n"
            + "          script: *%s\n";
    write("shippable.jobs.yml", String.format(uses, "top", "build"));
    write("a/shippable.jobs.yml", String.format(uses, "in_a", "build"));
    write("a/b/shippable.jobs.yml", String.format(uses, "in_a_b", "build"));
    write("c/shippable.jobs.yml", String.format(uses, "in_c", "only_a"));
    Validation v = new AssemblyLineLoader().load(List.of(dir));
    List<String> headlines = Pipelines.headlines(v);
    assertEquals(
        1, headlines.stream().filter(h -> h.contains("error")).count(), headlines.toString());
    assertTrue(headlines.get(0).startsWith(root() + "/c/shippable.jobs.yml:6:"), headlines.get(0));
    assertTrue(headlines.get(0).contains("only_a"), headlines.get(0));
    assertEquals("make root", script(v, "top"));
    assertEquals("make a", script(v, "in_a"));
    assertEquals("make root", script(v, "in_a_b"));
  }

  private static String script(Validation v, String job) {
    return v.pipeline().job(job).orElseThrow().tasks().get(0).script().get(0).text();
  }

  @Test
  void aSubFoldersShippableYmlWithCiKeysOnlyIsNotAnError() throws IOException {
    write("shippable.yml", job("main", "src"));
    write("shippable.resources.yml", "resources:\n  - name: src\n    type: params\n");
    write("tools/shippable.yml", "language: node_js\nbuild:\n  ci:\n    - npm test\n");
    Validation v = new AssemblyLineLoader().load(List.of(dir));
    assertEquals(List.of(), Pipelines.headlines(v));
  }

  @Test
  void beyondTheTreeLimitsTheRestIsSkippedWithOneWarningThatNamesIt() throws IOException {
    for (String folder : List.of("a", "b", "c", "d")) {
      write(
          folder + "/shippable.resources.yml",
          "resources:\n  - name: r_" + folder + "\n    type: params\n");
    }
    Diagnostics out = new Diagnostics();
    List<PipelineFile> files =
        new PipelineFiles(YamlLimits.DEFAULT.maxBytes(), new TreeLimits(2, 1 << 20))
            .read(List.of(dir), out);
    assertEquals(List.of("a/shippable.resources.yml", "b/shippable.resources.yml"), names(files));
    List<String> rendered =
        out.sorted().stream().map(d -> d.code() + " " + d.at().file() + " " + d.message()).toList();
    String root = root();
    assertEquals(
        List.of(
            "AL012 "
                + root
                + " skipped 2 files: shiprun reads up to 2 pipeline files and 1.0 MiB in all;"
                + " not read: "
                + root
                + "/c/shippable.resources.yml, "
                + root
                + "/d/shippable.resources.yml"),
        rendered);
    assertTrue(!out.sorted().get(0).isError(), "a warning, not an error");
  }

  @Test
  void theByteLimitCountsEveryFolder() throws IOException {
    write("a/shippable.resources.yml", "resources:\n  - name: a\n    type: params\n");
    write(
        "b/shippable.resources.yml",
        "resources:\n  - name: b\n    type: params\n" + "#".repeat(100));
    Diagnostics out = new Diagnostics();
    List<PipelineFile> files =
        new PipelineFiles(YamlLimits.DEFAULT.maxBytes(), new TreeLimits(100, 100))
            .read(List.of(dir), out);
    assertEquals(List.of("a/shippable.resources.yml"), names(files));
    assertEquals("AL012", out.sorted().get(0).code().name());
  }

  @Test
  void aWalkStopsAfterTheFolderLimitAndSaysWhereItStopped() throws IOException {
    write("a/shippable.resources.yml", "resources:\n  - name: a\n    type: params\n");
    write("b/x/shippable.resources.yml", "resources:\n  - name: b\n    type: params\n");
    write("c/shippable.resources.yml", "resources:\n  - name: c\n    type: params\n");
    Diagnostics out = new Diagnostics();
    // The root, a and b: three folders looked in; b/x and c are not.
    List<PipelineFile> files =
        new PipelineFiles(YamlLimits.DEFAULT.maxBytes(), new TreeLimits(100, 1 << 20, 3))
            .read(List.of(dir), out);
    assertEquals(List.of("a/shippable.resources.yml"), names(files));
    List<String> rendered =
        out.sorted().stream().map(d -> d.code() + " " + d.at().file() + " " + d.message()).toList();
    String root = root();
    assertEquals(
        List.of(
            "AL012 "
                + root
                + " stopped looking after 3 folders under "
                + root
                + "; 2 folders were not looked in, the first "
                + root
                + "/b/x"),
        rendered);
    assertTrue(!out.sorted().get(0).isError(), "a warning, not an error");
  }
}
