package dev.shiprun.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.model.parse.IntegrationsParser;
import dev.shiprun.model.parse.IntegrationsResult;
import dev.shiprun.model.parse.ShiprunSettings;
import dev.shiprun.model.validate.Validation;
import dev.shiprun.model.yaml.YamlLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The assembly lines under samples/ are what a new user runs first: they must load clean. */
class SamplesTest {

  private static final Path SAMPLES = Path.of("..", "samples");

  @TestFactory
  Stream<DynamicTest> everySampleValidatesWithoutAnyDiagnostic() throws IOException {
    List<Path> samples = withoutPlugins();
    assertTrue(samples.size() >= 3, "expected at least three samples, found " + samples);
    return samples.stream()
        .map(dir -> dynamicTest(dir.getFileName().toString(), dir.toUri(), () -> validate(dir)));
  }

  @TestFactory
  Stream<DynamicTest> everySampleReadmeShowsHowToValidateAndPlanIt() throws IOException {
    return samples().stream()
        .map(
            dir ->
                dynamicTest(
                    dir.getFileName().toString(),
                    () -> {
                      String readme =
                          Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8);
                      String name = dir.getFileName().toString();
                      assertTrue(readme.contains("./shiprun validate samples/" + name), "validate");
                      assertTrue(readme.contains("./shiprun plan samples/" + name), "plan");
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everySampleIntegrationsFileReadsCleanAndDefinesWhatTheLineUses()
      throws IOException {
    return withoutPlugins().stream()
        .map(
            dir ->
                dynamicTest(
                    dir.getFileName().toString(),
                    () -> {
                      IntegrationsResult read =
                          new IntegrationsParser(IntegrationTypes.builtIn(), YamlLimits.DEFAULT)
                              .read(
                                  dir.resolve("integrations.yml"),
                                  Map.of("REGISTRY_PASSWORD", "not-a-real-password"));
                      assertEquals(List.of(), read.diagnostics(), "integrations.yml of " + dir);
                      Validation v = new AssemblyLineLoader().load(List.of(dir));
                      for (Resource r : v.pipeline().resources()) {
                        r.integration()
                            .ifPresent(
                                used ->
                                    assertTrue(
                                        read.integrations().containsKey(used.name()),
                                        r.name() + " uses '" + used.name() + "', not defined"));
                      }
                    }));
  }

  /**
   * A sample of several repositories (samples/multi-repo) validates as a whole, above; each
   * repository with a shippable.shiprun.yml validates alone too, with only the warnings that say
   * which names come from another repository.
   */
  @TestFactory
  Stream<DynamicTest> everyRepositoryOfASampleWithExternalNamesValidatesAlone() throws IOException {
    List<Path> repositories = new ArrayList<>();
    for (Path sample : samples()) {
      try (Stream<Path> dirs = Files.list(sample)) {
        dirs.filter(d -> Files.isRegularFile(d.resolve(ShiprunSettings.FILE)))
            .sorted()
            .forEach(repositories::add);
      }
    }
    assertFalse(repositories.isEmpty(), "samples/multi-repo has a repository with external names");
    return repositories.stream()
        .map(
            dir ->
                dynamicTest(
                    dir.getParent().getFileName() + "/" + dir.getFileName(),
                    () -> {
                      Validation v = new AssemblyLineLoader().load(List.of(dir));
                      assertTrue(v.valid().isPresent(), Pipelines.render(v));
                      assertFalse(v.diagnostics().isEmpty(), "its external names are warned of");
                      for (Diagnostic d : v.diagnostics()) {
                        assertEquals(DiagnosticCode.AL124, d.code(), d.headline());
                      }
                    }));
  }

  private static void validate(Path dir) {
    Validation v = new AssemblyLineLoader().load(List.of(dir));
    String rendered = Pipelines.render(v);
    assertEquals("", rendered, dir + " should load without diagnostics");
    assertTrue(v.valid().isPresent());
    // A repository's CI shippable.yml defines no job or resource: its runCI job and ciRepo are
    // implied.
    boolean ci = v.pipeline().ci().isPresent();
    assertFalse(v.pipeline().jobs().isEmpty() && !ci, dir + " defines no jobs");
    assertFalse(v.pipeline().resources().isEmpty() && !ci, dir + " defines no resources");
  }

  /**
   * The samples that need no plugin. A sample with a pom.xml is a plugin of its own
   * (samples/plugin-example), whose line the runner's PluginExampleIT validates with the plugin.
   */
  private static List<Path> withoutPlugins() throws IOException {
    return samples().stream().filter(d -> !Files.isRegularFile(d.resolve("pom.xml"))).toList();
  }

  private static List<Path> samples() throws IOException {
    try (Stream<Path> dirs = Files.list(SAMPLES)) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    }
  }
}
