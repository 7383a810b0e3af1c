package dev.shiprun.runner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import dev.shiprun.model.Pipeline;
import dev.shiprun.runner.engine.schedule.LineRunner;
import dev.shiprun.spi.Plugin;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md, checked on the compiled main classes of every module
 * the runner sees (the model, the spi and the runner itself): the model and the spi are plain Java
 * that anyone can embed, the engine serves both front ends without knowing them, and the runner's
 * packages form no cycle. A rule that fails names each offending class and the class it uses.
 */
class PackageRulesTest {

  private static final String MODEL = "dev.shiprun.model..";
  private static final String SPI = "dev.shiprun.spi..";
  private static final String RUNNER = "dev.shiprun.runner..";
  private static final String ENGINE = "dev.shiprun.runner.engine..";

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() throws URISyntaxException {
    // Each module's own classes folder or jar, found through one class it holds: scanning the
    // whole class path for the package would read every library jar too.
    Set<Location> modules = new LinkedHashSet<>();
    for (Class<?> member : List.of(Pipeline.class, Plugin.class, LineRunner.class)) {
      URI where = member.getProtectionDomain().getCodeSource().getLocation().toURI();
      modules.add(
          Location.of(
              where.getPath().endsWith(".jar") ? URI.create("jar:" + where + "!/") : where));
    }
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(modules);
  }

  /** The rules below read what was imported: each module must be there, or they prove nothing. */
  @Test
  void importsTheClassesOfEveryModule() {
    for (String pkg :
        List.of("dev.shiprun.model", "dev.shiprun.spi", "dev.shiprun.runner.engine")) {
      assertTrue(
          classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)),
          "no class of " + pkg + " was imported");
    }
    assertTrue(classes.contain(LineRunner.class), "the engine's LineRunner was not imported");
  }

  @Test
  void modelAndSpiNeverUseTheRunnerNorQuarkus() {
    noClasses()
        .that()
        .resideInAnyPackage(MODEL, SPI)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(RUNNER, "io.quarkus..", "jakarta..", "javax.inject..")
        .because("the model and the spi are plain Java that a plugin or another tool embeds")
        .check(classes);
  }

  @Test
  void spiIsSeenByTheModelOnlyThroughItsOwnModule() {
    noClasses()
        .that()
        .resideInAPackage(MODEL)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(SPI)
        .because("the spi depends on the model, never the other way round")
        .check(classes);
  }

  @Test
  void engineNeverUsesTheFrontEnds() {
    noClasses()
        .that()
        .resideInAPackage(ENGINE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.shiprun.runner.cli..", "dev.shiprun.runner.daemon..")
        .because(
            "the CLI and the daemon run the same engine; what differs is passed down as a value")
        .check(classes);
  }

  @Test
  void runnerPackagesFormNoCycle() {
    slices()
        .matching("dev.shiprun.runner.(*)..")
        .namingSlices("runner.$1")
        .should()
        .beFreeOfCycles()
        .check(classes);
  }

  @Test
  void modelPackagesFormNoCycle() {
    slices()
        .matching("dev.shiprun.model.(*)..")
        .namingSlices("model.$1")
        .should()
        .beFreeOfCycles()
        .check(classes);
  }

  /**
   * The engine's packages (schedule, job, workspace, version, log …) never reach back in a cycle.
   */
  @Test
  void enginePackagesFormNoCycle() {
    slices()
        .matching("dev.shiprun.runner.engine.(*)..")
        .namingSlices("engine.$1")
        .should()
        .beFreeOfCycles()
        .check(classes);
  }

  @Test
  void daemonWorkNeverUsesTheApi() {
    noClasses()
        .that()
        .resideInAPackage("dev.shiprun.runner.daemon.work..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.shiprun.runner.daemon.api..")
        .because("the workers run requests whatever brought them; the REST API is one way in")
        .check(classes);
  }
}
