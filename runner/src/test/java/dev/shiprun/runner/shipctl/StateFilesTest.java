package dev.shiprun.runner.shipctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state helpers: $JOB_STATE/<res>.env and files in state, previousState, IN and OUT. */
class StateFilesTest {

  @TempDir Path dir;
  JobFolder job;

  @BeforeEach
  void setUp() {
    job = JobFolder.runSh(dir, "deploy");
  }

  private String envFile(String resource) {
    return JobFolder.content(job.jobState().resolve(resource + ".env"));
  }

  @Test
  void postResourceStateOverwritesTheEnvFile() {
    JobFolder.write(job.jobState().resolve("app-img.env"), "old=1\n");

    Shipctl.Result result = job.shipctl("post_resource_state", "app-img", "versionName", "1.2.3");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("versionName=1.2.3\n", envFile("app-img"));
  }

  @Test
  void putResourceStateAppendsToTheEnvFile() {
    job.shipctl("post_resource_state", "app-img", "versionName", "1.2.3");

    job.shipctl("put_resource_state", "app-img", "commit", "3f2a9c1");

    assertEquals("versionName=1.2.3\ncommit=3f2a9c1\n", envFile("app-img"));
  }

  @Test
  void stateValuesAreWrittenByteForByte() {
    // A '*' next to files must stay a '*', and nothing may be expanded.
    JobFolder.write(job.root().resolve("a.txt"), "");

    job.shipctl("post_resource_state", "out", "msg", "  two  spaces * $HOME `id` \"q\" 'q'");

    assertEquals("msg=  two  spaces * $HOME `id` \"q\" 'q'\n", envFile("out"));
  }

  @Test
  void postResourceStateWithEmptyValueIsAUsageError() {
    Shipctl.Result result = job.shipctl("post_resource_state", "app-img", "versionName", "");

    assertEquals(99, result.exitCode());
    assertTrue(result.stdout().startsWith("Usage: shipctl post_resource_state"));
    assertFalse(Files.exists(job.jobState().resolve("app-img.env")));
  }

  @Test
  void stateHelpersRefuseToRunOutsideAJob() {
    job.unset("JOB_STATE");

    Shipctl.Result result = job.shipctl("post_resource_state", "app-img", "versionName", "1");

    assertEquals(99, result.exitCode());
    assertEquals(
        "Error: JOB_STATE is not set; shipctl runs inside a shiprun job\n", result.stderr());
  }

  @Test
  void postMultiReplacesTheFileWithOneLinePerToken() {
    JobFolder.write(job.jobState().resolve("params.env"), "old=1\n");

    job.shipctl("post_resource_state_multi", "params", "A=1 B=two\tC=3", "D=4");

    assertEquals("A=1\nB=two\nC=3\nD=4\n", envFile("params"));
  }

  @Test
  void putMultiAppendsAndKeepsGlobCharactersLiteral() {
    JobFolder.write(job.root().resolve("match-me"), "");
    job.shipctl("post_resource_state", "params", "A", "1");

    job.shipctl("put_resource_state_multi", "params", "PATTERN=* GLOB=match-*");

    assertEquals("A=1\nPATTERN=*\nGLOB=match-*\n", envFile("params"));
  }

  @Test
  void copyFileToStateCopiesFilesAndFolders() {
    JobFolder.write(job.root().resolve("work/terraform.tfstate"), "{}");
    JobFolder.write(job.root().resolve("work/cache/a b.txt"), "x");

    Shipctl.Result file = job.shipctl("copy_file_to_state", "work/terraform.tfstate");
    Shipctl.Result folder = job.shipctl("copy_file_to_state", "work/cache");

    assertEquals(0, file.exitCode(), file::toString);
    assertEquals(0, folder.exitCode(), folder::toString);
    assertEquals("{}", JobFolder.content(job.jobState().resolve("terraform.tfstate")));
    assertEquals("x", JobFolder.content(job.jobState().resolve("cache/a b.txt")));
  }

  @Test
  void copyFileToStateOfMissingFileFails() {
    assertEquals(1, job.shipctl("copy_file_to_state", "nope.txt").exitCode());
  }

  @Test
  void copyFileFromPrevStateRestoresTheFile() {
    JobFolder.write(job.previousState().resolve("terraform.tfstate"), "{\"serial\": 4}");

    Shipctl.Result result =
        job.shipctl("copy_file_from_prev_state", "terraform.tfstate", "restored.tfstate");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("{\"serial\": 4}", JobFolder.content(job.root().resolve("restored.tfstate")));
  }

  @Test
  void copyFileFromPrevStateSkipsAMissingFileWithExit0() {
    Shipctl.Result result = job.shipctl("copy_file_from_prev_state", "none.tfstate", "x");

    assertEquals(0, result.exitCode());
    assertTrue(result.stdout().contains("skipping"), result::toString);
    assertFalse(Files.exists(job.root().resolve("x")));
  }

  @Test
  void refreshFileToStatePrefersTheNewFile() {
    JobFolder.write(job.root().resolve("out/counter"), "new");
    JobFolder.write(job.previousState().resolve("counter"), "old");

    job.shipctl("refresh_file_to_state", "out/counter");

    assertEquals("new", JobFolder.content(job.jobState().resolve("counter")));
  }

  @Test
  void refreshFileToStateFallsBackToThePreviousState() {
    JobFolder.write(job.previousState().resolve("counter"), "old");

    Shipctl.Result result = job.shipctl("refresh_file_to_state", "out/counter");

    assertEquals(0, result.exitCode());
    assertEquals("old", JobFolder.content(job.jobState().resolve("counter")));
  }

  @Test
  void refreshFileToStateSkipsWhenNeitherExists() {
    Shipctl.Result result = job.shipctl("refresh_file_to_state", "out/counter");

    assertEquals(0, result.exitCode());
    assertTrue(result.stdout().contains("skipping"));
    assertFalse(Files.exists(job.jobState().resolve("counter")));
  }

  @Test
  void copyResourceFileFromStateReadsTheInTypeFolder() {
    job.in("build-info", "state").file("info.json", "{\"n\": 1}");
    job.in("upstream", "runSh").file("artifact.txt", "from upstream job");

    job.shipctl("copy_resource_file_from_state", "build-info", "info.json", "info.json");
    job.shipctl("copy_file_from_resource_state", "upstream", "artifact.txt", "copy.txt");

    assertEquals("{\"n\": 1}", JobFolder.content(job.root().resolve("info.json")));
    assertEquals("from upstream job", JobFolder.content(job.root().resolve("copy.txt")));
  }

  @Test
  void copyResourceFileFromStateSkipsAMissingFileWithExit0() {
    job.in("build-info", "state");

    Shipctl.Result result =
        job.shipctl("copy_resource_file_from_state", "build-info", "none.json", "x");

    assertEquals(0, result.exitCode());
    assertTrue(result.stdout().contains("skipping"));
  }

  @Test
  void refreshFileToOutPathCopiesIntoTheOutStateFolder() {
    job.out("cache", "state");
    JobFolder.write(job.root().resolve("build/report.txt"), "fresh");

    Shipctl.Result result = job.shipctl("refresh_file_to_out_path", "build/report.txt", "cache");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("fresh", JobFolder.content(job.path("OUT/cache/state/report.txt")));
  }

  @Test
  void copyFileToResourceStateFallsBackToTheInStateOfTheResource() {
    job.in("cache", "state").file("report.txt", "previous");

    job.shipctl("copy_file_to_resource_state", "build/report.txt", "cache");

    assertEquals("previous", JobFolder.content(job.path("OUT/cache/state/report.txt")));
  }

  @Test
  void refreshFileToOutPathSkipsWhenNeitherExists() {
    Shipctl.Result result = job.shipctl("refresh_file_to_out_path", "report.txt", "cache");

    assertEquals(0, result.exitCode());
    assertTrue(result.stdout().contains("skipping"));
    assertFalse(Files.exists(job.path("OUT/cache/state/report.txt")));
  }
}
