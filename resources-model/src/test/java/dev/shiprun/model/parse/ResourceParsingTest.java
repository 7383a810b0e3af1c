package dev.shiprun.model.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.GenericResource;
import dev.shiprun.model.ImageResource;
import dev.shiprun.model.IntegrationResource;
import dev.shiprun.model.ParamsResource;
import dev.shiprun.model.Pipelines;
import dev.shiprun.model.Resource;
import dev.shiprun.model.ResourceDefinition;
import dev.shiprun.model.StateResource;
import dev.shiprun.model.TimeResource;
import dev.shiprun.model.validate.Validation;
import dev.shiprun.model.yaml.YamlEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading resources in the old (pointer/seed/version) and latest (versionTemplate) syntax. */
class ResourceParsingTest {

  private static Resource only(String yaml) {
    Validation v = Pipelines.loadValid(yaml);
    assertEquals(List.of(), v.diagnostics(), () -> Pipelines.render(v));
    return v.pipeline().resources().get(0);
  }

  @Test
  void oldAndLatestImageSyntaxGiveTheSameSourceNameAndTag() {
    Resource old =
        only(
            """
            resources:
              - name: img
                type: image
                pointer:
                  sourceName: docker.io/library/alpine
                seed:
                  versionName: "3.20"
            """);
    Resource latest =
        only(
            """
            resources:
              - name: img
                type: image
                versionTemplate:
                  sourceName: docker.io/library/alpine
                  versionName: "3.20"
            """);
    for (Resource r : List.of(old, latest)) {
      assertInstanceOf(ImageResource.class, r);
      assertEquals(Optional.of("docker.io/library/alpine"), r.definition().text("sourceName"));
      assertEquals(Optional.of("3.20"), r.definition().seedVersionName());
      assertTrue(r.definition().definesVersion());
    }
    assertTrue(old.definition().pointer().isPresent());
    assertTrue(old.definition().versionTemplate().isEmpty());
    assertTrue(latest.definition().versionTemplate().isPresent());
    assertTrue(latest.definition().pointer().isEmpty());
  }

  @Test
  void versionTemplateWinsOverPointerWhenBothAreWritten() {
    ResourceDefinition d =
        only("""
                resources:
                  - name: img
                    type: image
                    pointer: {sourceName: old/name}
                    versionTemplate: {sourceName: new/name}
                """)
            .definition();
    assertEquals(Optional.of("new/name"), d.text("sourceName"));
  }

  @Test
  void resourceWithOnlyAPointerDefinesNoFirstVersion() {
    Resource r =
        only(
            """
            resources:
              - name: img
                type: image
                pointer: {sourceName: a/b}
            """);
    assertFalse(r.definition().definesVersion());
    assertEquals(Optional.empty(), r.definition().seedVersionName());
  }

  @Test
  void paramsKeepSecureApartFromThePlainParams() {
    ParamsResource p =
        (ParamsResource)
            only(
                """
                resources:
                  - name: settings
                    type: params
                    versionTemplate:
                      params:
                        GREETING: hello
                        PORT: 8080
                        secure: shiprun:v1:0011223344556677:dGhpcyBpcyBlbmNyeXB0ZWQ=
                """);
    assertEquals(
        List.of("GREETING", "PORT"), p.params().entries().stream().map(YamlEntry::name).toList());
    assertEquals(Map.of("GREETING", "hello", "PORT", 8080L), p.params().toPlain());
    // A shiprun blob: the model warns about none (the runner checks it against the home).
    assertEquals(
        "shiprun:v1:0011223344556677:dGhpcyBpcyBlbmNyeXB0ZWQ=", p.secure().orElseThrow().text());
  }

  @Test
  void paramsInTheOldVersionSectionAreReadToo() {
    ParamsResource p =
        (ParamsResource)
            only(
                """
                resources:
                  - name: settings
                    type: params
                    version:
                      params:
                        GREETING: hello
                """);
    assertEquals(Map.of("GREETING", "hello"), p.params().toPlain());
    assertEquals(Optional.empty(), p.secure());
  }

  @Test
  void rejectsParamsThatAreNotAMapping() {
    Validation v =
        Pipelines.load(
            """
            resources:
              - name: settings
                type: params
                versionTemplate:
                  params: [A, B]
            """);
    assertEquals(1, v.errorCount(), () -> Pipelines.render(v));
    assertTrue(v.diagnostics().get(0).message().startsWith("'params' of resource 'settings'"));
  }

  @Test
  void integrationNameIsAnAliasOfIntegration() {
    Resource r =
        only(
            """
            resources:
              - name: hub
                type: integration
                integrationName: hub-creds
            """);
    assertInstanceOf(IntegrationResource.class, r);
    assertEquals("hub-creds", r.integration().orElseThrow().name());
  }

  @Test
  void eachTypeGetsItsOwnModelClassAndOthersStayGeneric() {
    Validation v =
        Pipelines.loadValid(
            """
            resources:
              - name: cache
                type: state
              - name: nightly
                type: time
                versionTemplate: {interval: "0 2 * * *"}
              - name: opts
                type: dockerOptions
                versionTemplate: {memory: 512}
            """);
    List<Resource> rs = v.pipeline().resources();
    assertInstanceOf(StateResource.class, rs.get(0));
    assertTrue(rs.get(0).isState());
    assertInstanceOf(TimeResource.class, rs.get(1));
    assertEquals(Optional.of("0 2 * * *"), rs.get(1).definition().text("interval"));
    assertInstanceOf(GenericResource.class, rs.get(2));
    assertEquals("dockerOptions", rs.get(2).type());
  }

  @Test
  void resourcesAndJobsOfSeveralFilesMergeIntoOneLine() {
    Validation v =
        Pipelines.load(
            new java.util.LinkedHashMap<>(
                Map.of(
                    "shippable.resources.yml",
                    "resources:\n  - name: cache\n    type: state\n",
                    "shippable.jobs.yml",
                    "jobs:\n  - name: j\n    type: runSh\n    steps:\n      - IN: cache\n"
                        + "      - TASK:\n          script: ls\n")));
    assertEquals(List.of(), v.diagnostics(), () -> Pipelines.render(v));
    assertTrue(v.valid().isPresent());
    assertEquals("cache", v.pipeline().jobs().get(0).ins().get(0).name());
  }
}
