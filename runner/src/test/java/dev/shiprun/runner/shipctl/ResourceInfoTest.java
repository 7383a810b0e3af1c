package dev.shiprun.runner.shipctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceInfoTest {

  /** Everything Shippable's unquoted `eval echo` mangled: runs of spaces, globs, $, quotes. */
  static final String AWKWARD = "  two  spaces * $HOME `id` \"dq\" 'sq' \\n\nsecond line  ";

  @TempDir Path dir;
  JobFolder job;

  @BeforeEach
  void setUp() {
    job = JobFolder.runSh(dir, "deploy");
  }

  @ParameterizedTest
  @CsvSource({
    "get_resource_id, ID",
    "get_resource_meta, META",
    "get_resource_state, STATE",
    "get_resource_path, STATE",
    "get_resource_operation, OPERATION",
    "get_resource_type, TYPE",
    "get_resource_version_name, VERSIONNAME",
    "get_resource_version_number, VERSIONNUMBER",
    "get_resource_version_id, VERSIONID"
  })
  void gettersPrintTheRawValueOfTheirVariable(String getter, String suffix) {
    job.set("APP_IMG_" + suffix, AWKWARD);

    job.shipctl(getter, "app_img").assertPrinted(AWKWARD + "\n");
  }

  @Test
  void gettersReadTheVariablesTheEngineExportsForADependency() {
    JobFolder.Dependency img = job.out("app-img", "image").versionVars("1.0.12", 12, 456);

    assertEquals(img.meta() + "\n", job.shipctl("get_resource_meta", "app-img").stdout());
    assertEquals(img.state() + "\n", job.shipctl("get_resource_state", "app-img").stdout());
    assertEquals("OUT\n", job.shipctl("get_resource_operation", "app-img").stdout());
    assertEquals("image\n", job.shipctl("get_resource_type", "app-img").stdout());
    assertEquals("31\n", job.shipctl("get_resource_id", "app-img").stdout());
    assertEquals("1.0.12\n", job.shipctl("get_resource_version_name", "app-img").stdout());
    assertEquals("12\n", job.shipctl("get_resource_version_number", "app-img").stdout());
    assertEquals("456\n", job.shipctl("get_resource_version_id", "app-img").stdout());
  }

  @Test
  void resourcePathIsTheStateFolderAsInShippable() {
    JobFolder.Dependency repo = job.in("repo", "gitRepo");

    assertEquals(repo.state() + "\n", job.shipctl("get_resource_path", "repo").stdout());
  }

  @Test
  void unsetVariablePrintsAnEmptyLineAndSucceeds() {
    job.shipctl("get_resource_version_name", "nothing-here").assertPrinted("\n");
  }

  @Test
  void gettersWorkForTheJobItself() {
    assertEquals(job.jobState() + "\n", job.shipctl("get_resource_state", "deploy").stdout());
    assertEquals("runSh\n", job.shipctl("get_resource_type", "deploy").stdout());
  }

  @Test
  void resourceWhoseNameStartsWithDigitsFindsItsVariables() {
    job.in("1-app", "image").versionVars("v3", 3, 3);

    assertEquals("v3\n", job.shipctl("get_resource_version_name", "1-app").stdout());
  }

  @Test
  void resourceEnvUppercasesTheVariableName() {
    job.in("repo", "gitRepo").var("IS_PULL_REQUEST", "true").var("COMMIT", AWKWARD);

    assertEquals("true\n", job.shipctl("get_resource_env", "repo", "is_pull_request").stdout());
    assertEquals(AWKWARD + "\n", job.shipctl("get_resource_env", "repo", "commit").stdout());
  }

  @Test
  void resourceEnvDoesNotSanitiseTheVariableName() {
    // REPO_ISPULL would be found if the name were sanitised; Shippable did not sanitise it.
    job.in("repo", "gitRepo").var("ISPULL", "wrong");

    job.shipctl("get_resource_env", "repo", "is-pull").assertPrinted("\n");
  }

  @Test
  void paramsResourceSanitisesAndUppercasesTheParamName() {
    job.in("app-params", "params").var("PARAMS_DB_HOST", "db.internal").var("PARAMS_ODD", AWKWARD);

    assertEquals(
        "db.internal\n", job.shipctl("get_params_resource", "app-params", "db_host").stdout());
    assertEquals(AWKWARD + "\n", job.shipctl("get_params_resource", "app-params", "o-dd").stdout());
  }

  @Test
  void paramsResourceWithoutParamNameIsAUsageError() {
    Shipctl.Result result = job.shipctl("get_params_resource", "app-params");

    assertEquals(99, result.exitCode());
    assertEquals("Usage: shipctl get_params_resource RESOURCE_NAME PARAM_NAME\n", result.stdout());
  }
}
