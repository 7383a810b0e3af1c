package dev.shiprun.runner.shipctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** get_resource_version_key, get_resource_pointer_key and get_json_value: jq over JSON files. */
class VersionJsonTest {

  static final String VERSION =
      """
      {"operation": "IN", "name": "repo", "type": "gitRepo", "resourceId": 123,
       "propertyBag": {"yml": {"name": "repo", "type": "gitRepo",
                               "pointer": {"sourceName": "org/app", "branches": {"only": ["main", "rel-*"]}}}},
       "version": {"versionId": 456, "versionNumber": 12, "versionName": "3f2a9c1",
                   "propertyBag": {"shaData": {"commitSha": "3f2a9c1", "branchName": "main",
                                               "commitMessage": "fix: \\"quoted\\" $HOME *\\nsecond line"},
                                   "odd key$": "odd value",
                                   "trace": [{"id": 1}, {"id": 2}]}}}
      """;

  @TempDir Path dir;
  JobFolder job;

  @BeforeEach
  void setUp() {
    job = JobFolder.runSh(dir, "deploy");
    job.in("repo", "gitRepo").version(VERSION);
  }

  @ParameterizedTest
  @CsvSource({"versionName, 3f2a9c1", "versionId, 456", "versionNumber, 12"})
  void versionKeysComeFromTheVersion(String key, String expected) {
    job.shipctl("get_resource_version_key", "repo", key).assertPrinted(expected + "\n");
  }

  @ParameterizedTest
  @CsvSource({
    "shaData.branchName, main",
    "trace[1].id, 2",
    "odd key$, odd value",
    "shaData.nothing, null",
    "absent, null"
  })
  void otherKeysArePathsIntoThePropertyBag(String key, String expected) {
    job.shipctl("get_resource_version_key", "repo", key).assertPrinted(expected + "\n");
  }

  @Test
  void stringValuesArePrintedRaw() {
    Shipctl.Result result =
        job.shipctl("get_resource_version_key", "repo", "shaData.commitMessage");

    assertEquals("fix: \"quoted\" $HOME *\nsecond line\n", result.stdout());
  }

  @Test
  void keyIsDataNeverJqCode() {
    job.shipctl("get_resource_version_key", "repo", "x | halt_error(3)").assertPrinted("null\n");
  }

  @Test
  void missingMetaFolderExits99() {
    Shipctl.Result result = job.shipctl("get_resource_version_key", "nowhere", "versionName");

    result.assertFailed(99, "Error: IN directory not present for resource: nowhere\n");
    assertEquals("", result.stdout());
  }

  @Test
  void missingVersionJsonExits99() {
    job.in("img", "image");

    Shipctl.Result result = job.shipctl("get_resource_version_key", "img", "versionName");

    result.assertFailed(99, "Error: version.json not present for resource: img\n");
  }

  @Test
  void pointerKeyReadsTheYamlPointer() {
    assertEquals(
        "org/app\n", job.shipctl("get_resource_pointer_key", "repo", "sourceName").stdout());
    assertEquals(
        "rel-*\n", job.shipctl("get_resource_pointer_key", "repo", "branches.only[1]").stdout());
    assertEquals("null\n", job.shipctl("get_resource_pointer_key", "repo", "tags").stdout());
  }

  @Test
  void pointerKeyFallsBackToTheVersionTemplate() {
    job.in("img", "image")
        .version(
            """
            {"propertyBag": {"yml": {"versionTemplate": {"sourceName": "org/img", "versionName": "1.0"}}},
             "version": {"versionName": "1.0"}}
            """);

    assertEquals(
        "org/img\n", job.shipctl("get_resource_pointer_key", "img", "sourceName").stdout());
  }

  @Test
  void jsonValueReadsDottedAndIndexedFields() {
    Path file = JobFolder.write(dir.resolve("data.json"), "{\"a\": {\"b\": [\"x\", \"y z\"]}}");

    assertEquals("y z\n", job.shipctl("get_json_value", file.toString(), "a.b[1]").stdout());
    assertEquals("x\n", job.shipctl("get_json_value", file.toString(), ".a.b[0]").stdout());
  }

  @Test
  void jsonValueWithoutFieldPrintsTheDocument() {
    Path file = JobFolder.write(dir.resolve("data.json"), "{\"a\":1}");

    assertEquals(
        1,
        JobFolder.read(job.shipctl("get_json_value", file.toString()).stdout()).get("a").asInt());
  }

  @Test
  void jsonValueOfMissingFileSaysSoAndSucceeds() {
    Shipctl.Result result = job.shipctl("get_json_value", "missing.json", "a");

    assertEquals(0, result.exitCode());
    assertEquals("", result.stdout());
    assertEquals("missing.json: No such file present in this directory\n", result.stderr());
  }
}
