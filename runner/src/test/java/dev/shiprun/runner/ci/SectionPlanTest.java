package dev.shiprun.runner.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shiprun.spi.Script;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which section runs where, in what order, with which hooks. */
class SectionPlanTest {

  @Test
  void hostSectionsAroundOneContainerScriptWithTheHooks() {
    SectionPlan plan =
        SectionPlan.of(
            CiConfigs.read(
                    """
                    build:
                      pre_ci: [host-before]
                      ci: [one, two]
                      post_ci: [after]
                      on_success: [yes]
                      on_failure: [no]
                      always: [both]
                      push: [host-after]
                    """)
                .build(),
            "node_js",
            List.of());
    assertEquals(List.of("host-before"), plan.preCi());
    assertEquals(
        new Script(List.of("one", "two", "after"), List.of("yes"), List.of("no"), List.of("both")),
        plan.container());
    assertEquals(List.of("host-after"), plan.push());
  }

  @Test
  void theLinesOfTheIntegrationsAndServicesGoWithTheFirstCommand() {
    SectionPlan plan =
        SectionPlan.of(
            CiConfigs.read("build: {ci: [one, two]}").build(),
            "ruby",
            List.of("setup-a", "setup-b"));
    assertEquals(List.of("setup-a\nsetup-b\none", "two"), plan.container().items());
  }

  @Test
  void withoutCiTheLanguagesDefaultsRun() {
    SectionPlan plan =
        SectionPlan.of(CiConfigs.read("build: {post_ci: [after]}").build(), "node_js", List.of());
    assertEquals(
        List.of(
            "if [ -f yarn.lock ]; then yarn install; else npm install; fi", "npm test", "after"),
        plan.container().items());
  }

  @Test
  void travisPhasesAreTheSectionsShippableMappedThemTo() {
    SectionPlan plan =
        SectionPlan.of(
            CiConfigs.read(
                    """
                    before_install: [a]
                    install: [b]
                    script: [c]
                    after_success: [d]
                    after_failure: [e]
                    after_script: [f]
                    """)
                .build(),
            "ruby",
            List.of());
    assertEquals(
        new Script(List.of("a", "b", "c"), List.of("d"), List.of("e"), List.of("f")),
        plan.container());
  }

  @Test
  void everyDocumentedLanguageHasDefaultCommands() {
    for (String language :
        List.of("node_js", "python", "java", "ruby", "go", "php", "scala", "clojure", "c/cpp")) {
      assertEquals(false, DefaultCommands.of(language).isEmpty(), language);
    }
    assertEquals(List.of(), DefaultCommands.of("cobol"));
  }
}
