package dev.shiprun.model.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.Pipelines;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.validate.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssemblyLineLoaderTest {

  @TempDir Path dir;

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void directoryGivesItsPipelineFilesAsOneLineNamedAsTheUserWroteThePath() throws IOException {
    write("shippable.resources.yml", "resources:\n  - name: cache\n    type: state\n");
    write(
        "shippable.jobs.yml",
        "jobs:\n  - name: j\n    type: runSh\n    steps:\n      - IN: cahce\n");
    write("notes.yml", "this: is not read\n");
    Validation v = new AssemblyLineLoader().load(List.of(dir));
    List<String> headlines = Pipelines.headlines(v);
    assertEquals(2, headlines.size(), headlines.toString());
    String jobs = dir.resolve("shippable.jobs.yml").toString().replace('\\', '/');
    assertTrue(headlines.get(0).startsWith(jobs + ":2:5: warning[AL119]"), headlines.get(0));
    assertTrue(headlines.get(1).startsWith(jobs + ":5:13: error[AL107]"), headlines.get(1));
  }

  @Test
  void missingFileIsADiagnosticNotAnException() {
    Validation v = new AssemblyLineLoader().load(List.of(dir.resolve("nope.yml")));
    assertEquals(DiagnosticCode.AL007, v.diagnostics().get(0).code());
    assertTrue(v.valid().isEmpty());
  }

  @Test
  void directoryWithoutPipelineFilesIsReported() {
    Validation v = new AssemblyLineLoader().load(List.of(dir));
    assertEquals(
        List.of(DiagnosticCode.AL009), v.diagnostics().stream().map(d -> d.code()).toList());
  }

  @Test
  void problemInTheTemplatesFileIsReportedOnceHoweverManyFilesUseIt() {
    Validation v =
        Pipelines.load(
            new LinkedHashMap<>(
                Map.of(
                    "shippable.templates.yml",
                    "templates:\n  s: &s [make]\n  s: &t [make]\n",
                    "shippable.resources.yml",
                    "resources:\n  - name: cache\n    type: state\n",
                    "shippable.jobs.yml",
                    "jobs:\n  - name: j\n    type: runSh\n    steps:\n      - IN: cache\n"
                        + "      - TASK:\n          script: *s\n")));
    assertEquals(
        List.of(
            "shippable.templates.yml:3:3: error[AL002]: duplicate key 's'; the later value would "
                + "silently replace the earlier one"),
        Pipelines.headlines(v));
    assertEquals(
        "make", v.pipeline().jobs().get(0).tasks().get(0).script().get(0).text(), "anchor used");
  }

  @Test
  void unreadableTemplatesFileIsBlamedAloneNotTheFilesAfterIt() {
    Validation v =
        Pipelines.load(
            new LinkedHashMap<>(
                Map.of(
                    "shippable.templates.yml",
                    "templates: [unclosed\n",
                    "shippable.yml",
                    "resources:\n  - name: cache\n    type: state\n")));
    List<String> headlines = Pipelines.headlines(v);
    assertEquals(1, headlines.size(), headlines.toString());
    assertTrue(headlines.get(0).startsWith("shippable.templates.yml:"), headlines.get(0));
    assertEquals(1, v.pipeline().resources().size(), "shippable.yml is still read");
  }

  @Test
  void fileThatStartsWithADocumentMarkerCanUseTemplateAnchors() {
    Validation v =
        Pipelines.load(
            new LinkedHashMap<>(
                Map.of(
                    "shippable.templates.yml",
                    "templates:\n  build: &build\n    - make\n",
                    "shippable.yml",
                    "---\njobs:\n  - name: j\n    type: runSh\n    steps:\n      - TASK:\n"
                        + "          script: *build\n")));
    assertEquals(List.of(), Pipelines.headlines(v));
    assertEquals("make", v.pipeline().jobs().get(0).tasks().get(0).script().get(0).text());
  }

  @Test
  void byteOrderMarkIsNotQuotedInDiagnostics() {
    Validation v =
        new AssemblyLineLoader()
            .load(
                List.of(
                    new dev.shiprun.model.parse.PipelineFile(
                        "shippable.yml", "\uFEFFjobs: 1\n".getBytes(StandardCharsets.UTF_8))),
                new dev.shiprun.model.diagnostic.Diagnostics());
    String rendered = Pipelines.render(v);
    assertTrue(rendered.contains(" 1 | jobs: 1\n"), rendered);
    assertTrue(rendered.contains("   |       ^\n"), rendered);
  }
}
