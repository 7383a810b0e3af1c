package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shiprun trigger}: a trigger resource of shippable.triggers.yml gets its next version, and
 * the jobs that read it run with it, then what they trigger.
 */
@QuarkusMainTest
class TriggerCommandTest {

  private static final String LINE = "src/test/resources/fixtures/run/triggers";

  @TempDir Path home;

  @Test
  void eachTriggerRecordsTheNextVersionAndRunsTheJobsThatReadIt(QuarkusMainLauncher launcher)
      throws Exception {
    RunHarness shiprun = new RunHarness(launcher, home);

    RunHarness.Summary first = shiprun.trigger("app_trigger", LINE, "--message", "ship it");
    assertEquals(0, first.exitCode(), first.describe());
    // deploy reads the trigger, announce reads deploy; held reads it with switch: off.
    assertEquals(List.of("announce", "deploy"), first.jobs().stream().sorted().toList());
    assertTrue(
        first.result().getErrorOutput().contains("trigger  app_trigger: version 2 (ship it)"),
        first.describe());
    String log = shiprun.log(first.runId("deploy"));
    assertTrue(
        log.contains("number=2 name=ship it type=trigger by=app_trigger"),
        "the job reads the new version, triggered through the trigger:\n" + log);
    assertTrue(log.contains("message=ship it"), log);

    RunHarness.Summary second = shiprun.trigger("app_trigger", LINE);
    assertEquals(0, second.exitCode(), second.describe());
    assertTrue(shiprun.log(second.runId("deploy")).contains("number=3 name=3 type=trigger"));

    JsonNode versions = shiprun.versions("app_trigger");
    assertEquals(3, versions.size(), versions.toString());
    assertEquals(3, versions.get(0).get("versionNumber").asInt(), versions.toString());
    assertEquals("3", versions.get(0).get("versionName").asText());
    assertEquals(3, versions.get(0).get("propertyBag").get("counter").asInt());
    assertEquals("ship it", versions.get(1).get("versionName").asText());
    assertEquals(2, versions.get(1).get("propertyBag").get("counter").asInt());
    assertEquals("1", versions.get(2).get("versionName").asText(), "the YAML's counter: 1");
  }

  @Test
  void aChangedCounterInTheYamlIsANewVersionTooAndTriggeringGoesOnFromIt(
      QuarkusMainLauncher launcher, @TempDir Path lines) throws Exception {
    Path line = lines.resolve("triggers");
    Files.createDirectories(line);
    for (String file : List.of("shippable.triggers.yml", "shippable.jobs.yml")) {
      Files.copy(Path.of(LINE, file), line.resolve(file));
    }
    RunHarness shiprun = new RunHarness(launcher, home);
    RunHarness.Summary first = shiprun.run(line.toString());
    assertEquals(0, first.exitCode(), first.describe());
    assertTrue(shiprun.log(first.runId("deploy")).contains("number=1 name=1 type=trigger"));

    Path triggers = line.resolve("shippable.triggers.yml");
    Files.writeString(triggers, Files.readString(triggers).replace("counter: 1", "counter: 5"));
    RunHarness.Summary second = shiprun.run(line.toString(), "--job", "deploy");
    assertEquals(0, second.exitCode(), second.describe());
    assertTrue(
        shiprun.log(second.runId("deploy")).contains("number=2 name=5 type=trigger"),
        "the YAML's new counter is the trigger's version 2");

    RunHarness.Summary third = shiprun.trigger("app_trigger", line.toString());
    assertEquals(0, third.exitCode(), third.describe());
    assertTrue(
        shiprun.log(third.runId("deploy")).contains("number=3 name=6 type=trigger"),
        "the counter goes on from the YAML's");
  }

  @Test
  void aTriggerNoJobReadsIsRecordedAndSaysSo(QuarkusMainLauncher launcher) throws Exception {
    RunHarness shiprun = new RunHarness(launcher, home);
    RunHarness.Summary run = shiprun.trigger("lonely_trigger", LINE);
    assertEquals(1, run.exitCode(), run.describe());
    assertTrue(
        run.result()
            .getErrorOutput()
            .contains("nothing ran: no job reads trigger 'lonely_trigger' with switch on"),
        run.describe());
    assertEquals(2, shiprun.versions("lonely_trigger").size(), "its YAML version, and this one");
  }

  @Test
  void aNameThatIsNoTriggerIsAUsageErrorThatSaysWhatItIs(QuarkusMainLauncher launcher) {
    LaunchResult typo = launcher.launch("trigger", "app_triger", LINE, "--home", home.toString());
    assertEquals(2, typo.exitCode());
    assertTrue(
        typo.getErrorOutput().contains("no trigger named 'app_triger'")
            && typo.getErrorOutput().contains("did you mean 'app_trigger'?"),
        typo.getErrorOutput());

    LaunchResult job = launcher.launch("trigger", "deploy", LINE, "--home", home.toString());
    assertEquals(2, job.exitCode());
    assertTrue(
        job.getErrorOutput().contains("'deploy' is a job, not a trigger"), job.getErrorOutput());
  }
}
