package dev.shiprun.runner.shipctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** replicate FROM TO and its flags (spec §4.2). */
class ReplicateTest {

  static final String FROM_BAG =
      """
      {"shaData": {"commitSha": "abc", "branchName": "main"},
       "webhookRequestHeaders": {"x-event": "push"}, "webhookRequestBody": {"ref": "main"},
       "custom": "only in a full copy"}
      """;

  @TempDir Path dir;
  JobFolder job;

  @BeforeEach
  void setUp() {
    job = JobFolder.runSh(dir, "deploy");
    job.in("src", "state")
        .version("{\"version\": {\"versionName\": \"src-1\", \"propertyBag\": " + FROM_BAG + "}}")
        .file("a.txt", "A")
        .file(".hidden", "H")
        .file("sub/b.txt", "B");
    job.out("dst", "state")
        .version("{\"version\": {\"versionName\": \"dst-1\", \"propertyBag\": {\"old\": true}}}")
        .file("old.txt", "stale");
  }

  private JsonNode dstVersion() {
    return JobFolder.readFile(job.path("OUT/dst/version.json")).get("version");
  }

  private boolean dstHas(String file) {
    return Files.exists(job.path("OUT/dst/state").resolve(file));
  }

  @Test
  void copiesFilesAndThePropertyBagBetweenResourcesOfOneType() {
    Shipctl.Result result = job.shipctl("replicate", "src", "dst");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("A", JobFolder.content(job.path("OUT/dst/state/a.txt")));
    assertTrue(dstHas(".hidden") && dstHas("sub/b.txt"));
    assertFalse(dstHas("old.txt"), "the files are replaced, not merged");
    assertEquals(JobFolder.read(FROM_BAG), dstVersion().get("propertyBag"));
    assertEquals("dst-1", dstVersion().get("versionName").asText());
  }

  @Test
  void filesOnlyLeavesTheMetadata() {
    job.shipctl("replicate", "src", "dst", "--files-only");

    assertTrue(dstHas("a.txt"));
    assertEquals(JobFolder.read("{\"old\": true}"), dstVersion().get("propertyBag"));
  }

  @Test
  void metadataOnlyLeavesTheFiles() {
    job.shipctl("replicate", "--metadata-only", "src", "dst");

    assertFalse(dstHas("a.txt"));
    assertTrue(dstHas("old.txt"));
    assertEquals(JobFolder.read(FROM_BAG), dstVersion().get("propertyBag"));
  }

  @Test
  void webhookDataOnlyAddsTheThreeWebhookFields() {
    job.shipctl("replicate", "src", "dst", "--webhook-data-only");

    JsonNode bag = dstVersion().get("propertyBag");
    assertTrue(bag.get("old").asBoolean());
    assertEquals("abc", bag.at("/shaData/commitSha").asText());
    assertEquals("push", bag.at("/webhookRequestHeaders/x-event").asText());
    assertEquals("main", bag.at("/webhookRequestBody/ref").asText());
    assertFalse(bag.has("custom"));
  }

  @Test
  void toTheCurrentJobCopiesIntoJobStateAndOutputVersion() {
    Shipctl.Result result = job.shipctl("replicate", "src", "deploy");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("B", JobFolder.content(job.jobState().resolve("sub/b.txt")));
    JsonNode output = JobFolder.readFile(job.jobState().resolve("outputVersion.json"));
    assertEquals(JobFolder.read(FROM_BAG), output.get("propertyBag"));
  }

  @Test
  void theCurrentJobCannotBeTheSource() {
    Shipctl.Result result = job.shipctl("replicate", "deploy", "dst");

    result.assertFailed(99, "Error: current job cannot be the FROM argument\n");
  }

  @Test
  void refusesACiRepoTarget() {
    job.out("ci", "ciRepo");

    Shipctl.Result result = job.shipctl("replicate", "src", "ci");

    result.assertFailed(99, "Error: cannot replicate to ciRepo\n");
  }

  @Test
  void refusesResourcesOfDifferentTypes() {
    job.out("img", "image");

    Shipctl.Result result = job.shipctl("replicate", "src", "img");

    assertEquals(99, result.exitCode());
    assertTrue(result.stderr().startsWith("Error: resources must be the same type"));
    assertFalse(Files.exists(job.path("OUT/img/image/a.txt")));
  }

  @Test
  void refusesASourceThatIsNoDependency() {
    Shipctl.Result result = job.shipctl("replicate", "ghost", "dst");

    result.assertFailed(99, "Error: resource ghost is not an IN of this job\n");
  }

  @Test
  void filesOnlyAndMetadataOnlyExcludeEachOther() {
    Shipctl.Result result =
        job.shipctl("replicate", "src", "dst", "--files-only", "--metadata-only");

    assertEquals(99, result.exitCode());
    assertTrue(dstHas("old.txt"));
  }

  @Test
  void unknownFlagIsReportedAndIgnored() {
    Shipctl.Result result = job.shipctl("replicate", "src", "dst", "--fast");

    result.assertFailed(0, "Warning: unrecognized flag \"--fast\"\n");
    assertTrue(dstHas("a.txt"));
  }

  @Test
  void matchSettingsIsOnlyForRepositories() {
    Shipctl.Result result = job.shipctl("replicate", "src", "dst", "--match-settings");

    assertEquals(99, result.exitCode());
    assertTrue(dstHas("old.txt"));
  }

  @Test
  void gitRepoToGitRepoCopiesMetadataButNeverTheClone() {
    job.in("repo", "gitRepo")
        .version("{\"version\": {\"propertyBag\": " + FROM_BAG + "}}")
        .file("README.md", "clone");
    job.out("mirror", "gitRepo").version("{\"version\": {\"propertyBag\": {}}}");

    Shipctl.Result result = job.shipctl("replicate", "repo", "mirror");

    assertEquals(0, result.exitCode(), result::toString);
    assertFalse(Files.exists(job.path("OUT/mirror/gitRepo/README.md")));
    JsonNode bag =
        JobFolder.readFile(job.path("OUT/mirror/version.json")).at("/version/propertyBag");
    assertEquals(JobFolder.read(FROM_BAG), bag);
  }

  @ParameterizedTest(name = "{0} onto {1} replicates: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"branchName\": \"main\"}                       | {\"branch\": \"main\"}                     | true",
        "{\"branchName\": \"dev\"}                        | {\"branch\": \"main\"}                     | false",
        "{\"branchName\": \"rel-1.2\"}                    | {\"branches\": {\"only\": [\"rel-*\"]}}    | true",
        "{\"branchName\": \"feature\"}                    | {\"branches\": {\"only\": [\"rel-*\"]}}    | false",
        "{\"branchName\": \"rel-1.2\"}                    | {\"branches\": {\"except\": [\"rel-*\"]}}  | false",
        "{\"branchName\": \"feature\"}                    | {\"branches\": {\"except\": [\"rel-*\"]}}  | true",
        "{\"isGitTag\": true, \"gitTagName\": \"v1.0\"}   | {\"tags\": {\"only\": [\"v*\"]}}           | true",
        "{\"isGitTag\": true, \"gitTagName\": \"beta\"}   | {\"tags\": {\"only\": [\"v*\"]}}           | false",
        "{\"isGitTag\": true, \"gitTagName\": \"v1.0\"}   | {\"tags\": {\"except\": [\"v*\"]}}         | false",
        "{\"isRelease\": true, \"branchName\": \"dev\"}   | {\"branch\": \"main\"}                     | true",
        "{\"branchName\": \"anything\"}                   | {}                                         | true"
      })
  void matchSettingsReplicatesOnlyWhatTheTargetWouldBuild(
      String shaData, String targetPointer, boolean replicates) {
    job.in("repo", "gitRepo")
        .version("{\"version\": {\"propertyBag\": {\"shaData\": " + shaData + ", \"custom\": 1}}}");
    job.out("mirror", "gitRepo")
        .version(
            "{\"propertyBag\": {\"yml\": {\"pointer\": "
                + targetPointer
                + "}}, \"version\": {\"propertyBag\": {\"mine\": 2}}}");

    Shipctl.Result result = job.shipctl("replicate", "repo", "mirror", "--match-settings");

    assertEquals(0, result.exitCode(), result::toString);
    JsonNode bag =
        JobFolder.readFile(job.path("OUT/mirror/version.json")).at("/version/propertyBag");
    assertEquals(2, bag.get("mine").asInt(), "match-settings copies webhook data only");
    assertFalse(bag.has("custom"));
    assertEquals(replicates, bag.has("shaData"), result::toString);
    assertEquals(!replicates, result.stdout().contains("skipping replicate"), result::toString);
  }

  @Test
  void matchSettingsReadsShippableStyleSettingsFromTheTargetVersion() {
    job.in("repo", "gitRepo")
        .version("{\"version\": {\"propertyBag\": {\"shaData\": {\"branchName\": \"dev\"}}}}");
    job.out("mirror", "gitRepo")
        .version("{\"version\": {\"propertyBag\": {\"branch\": \"main\"}}}");

    job.shipctl("replicate", "repo", "mirror", "--match-settings")
        .assertPrinted("FROM shaData does not match TO settings. skipping replicate\n");
  }

  @Test
  void matchSettingsWithoutShaDataExits99() {
    job.in("repo", "gitRepo").version("{\"version\": {\"propertyBag\": {}}}");
    job.out("mirror", "gitRepo").version("{\"version\": {\"propertyBag\": {}}}");

    Shipctl.Result result = job.shipctl("replicate", "repo", "mirror", "--match-settings");

    result.assertFailed(99, "Error: FROM resource repo does not contain shaData\n");
  }
}
