package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.runner.git.TestRepository;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The environment a job gets (spec §3.2–§3.9), end to end: a real run whose job dumps its
 * environment, compared with the whole expected set, name by name and value by value.
 */
@QuarkusMainTest
class RunEnvContractTest {

  private static final String FIXTURE = "src/test/resources/fixtures/run/env";

  @TempDir Path temp;

  /** The dumped environment, where the ids (made by the store) are read from. */
  private Map<String, String> ids = Map.of();

  @Test
  void aJobGetsExactlyTheShippableEnvironment(QuarkusMainLauncher launcher) throws Exception {
    Path home = temp.resolve("home");
    Path dump = temp.resolve("env.dump");
    TestRepository repository = TestRepository.create(temp.resolve("repo"), "README", "hello\n");
    String commit = repository.commit("src/app.sh", "echo app\n", "add the app\n\nwith a body");
    Path line = temp.resolve("env");
    Files.createDirectories(line);
    Files.writeString(
        line.resolve("shippable.yml"),
        Files.readString(Path.of(FIXTURE, "shippable.yml"))
            .replace("TEST_REPOSITORY", repository.bare().toString()));
    LaunchResult result =
        launcher.launch(
            "run",
            line.toString(),
            "--home",
            home.toString(),
            "--job",
            "dump-env",
            "--integrations",
            FIXTURE + "/integrations.yml",
            "--env",
            "DUMP=" + dump);
    assertEquals(0, result.exitCode(), result.getErrorOutput() + result.getOutput());

    Map<String, String> env = read(dump);
    ids = env;
    String root = home.resolve("builds/env/dump-env/1").toString();
    Map<String, String> expected = new LinkedHashMap<>();
    // params first, raw (spec §3.6 point 1), keys sanitised with case kept
    expected.put("QUOTED", "say \"hi\" and 'bye'");
    expected.put("DOLLAR", "cost $HOME `id` ${X}");
    expected.put("EQUALS", "a=b=c");
    expected.put("MULTI", "line1\nline2");
    expected.put("mykey", "dashed");
    // job variables (§3.2)
    expected.put("RESOURCE_ID", env.get("RESOURCE_ID"));
    expected.put("JOB_NAME", "dump-env");
    expected.put("JOB_TYPE", "runSh");
    expected.put("BUILD_ID", env.get("BUILD_ID"));
    expected.put("BUILD_NUMBER", "1");
    expected.put("BUILD_JOB_ID", env.get("BUILD_ID"));
    expected.put("BUILD_JOB_NUMBER", "1");
    expected.put("JOB_PATH", root);
    expected.put("BUILD_DIR", root);
    expected.put("JOB_STATE", root + "/state");
    expected.put("JOB_PREVIOUS_STATE", root + "/previousState");
    expected.put("JOB_INTEGRATIONS", root + "/integrations");
    expected.put("JOB_MESSAGE", root + "/message.json");
    expected.put("JOB_TRIGGERED_BY_NAME", "manual");
    expected.put("SHARED_DIR", root + "/shared");
    expected.put("BUILD_SECRETS_DIR", root + "/secrets");
    expected.put("DUMPENV_NAME", "dump-env");
    expected.put("DUMPENV_TYPE", "runSh");
    expected.put("DUMPENV_PATH", root);
    expected.put("DUMPENV_STATE", root + "/state");
    expected.put("DUMPENV_PREVIOUS_STATE", root + "/previousState");
    expected.put("DUMPENV_INTEGRATIONS", root + "/integrations");
    expected.put("DUMPENV_MESSAGE", root + "/message.json");
    // image IN with a Docker Registry integration (§3.3, §3.5, §3.7, §3.10)
    dependency(expected, "APPIMAGE", "app-image", "image", "IN", root);
    expected.put("APPIMAGE_VERSIONNAME", "1.0.0");
    expected.put("APPIMAGE_VERSIONNUMBER", "1");
    expected.put("APPIMAGE_VERSIONID", env.get("APPIMAGE_VERSIONID"));
    expected.put("APPIMAGE_SOURCENAME", "registry.example.com/org/app");
    expected.put("APPIMAGE_POINTER_SOURCENAME", "registry.example.com/org/app");
    expected.put("APPIMAGE_SEED_VERSIONNAME", "1.0.0");
    expected.put("APPIMAGE_INTEGRATION_URL", "https://index.docker.io/v1/");
    expected.put("APPIMAGE_INTEGRATION_USERNAME", "test-user");
    expected.put("APPIMAGE_INTEGRATION_PASSWORD", "made-up-registry-pass");
    expected.put("APPIMAGE_INTEGRATION_EMAIL", "test@example.com");
    // params IN: no _STATE, _PARAMS_<KEY> upper-cased
    expected.put("MY_PARAMS1_NAME", "my_params-1");
    expected.put("MY_PARAMS1_ID", env.get("MY_PARAMS1_ID"));
    expected.put("MY_PARAMS1_TYPE", "params");
    expected.put("MY_PARAMS1_OPERATION", "IN");
    expected.put("MY_PARAMS1_PATH", root + "/IN/my_params-1");
    expected.put("MY_PARAMS1_META", root + "/IN/my_params-1");
    expected.put("MY_PARAMS1_VERSIONNUMBER", "1");
    expected.put("MY_PARAMS1_VERSIONID", env.get("MY_PARAMS1_VERSIONID"));
    expected.put("MY_PARAMS1_PARAMS_QUOTED", "say \"hi\" and 'bye'");
    expected.put("MY_PARAMS1_PARAMS_DOLLAR", "cost $HOME `id` ${X}");
    expected.put("MY_PARAMS1_PARAMS_EQUALS", "a=b=c");
    expected.put("MY_PARAMS1_PARAMS_MULTI", "line1\nline2");
    expected.put("MY_PARAMS1_PARAMS_MYKEY", "dashed");
    // gitRepo whose name starts with digits: they are dropped from <NAME> (§3.1, §9 point 1)
    // Its version is the head of main when the run looked at the repository (§3.7 gitRepo).
    dependency(expected, "REPO", "7-repo", "gitRepo", "IN", root);
    expected.put("REPO_VERSIONNAME", commit);
    expected.put("REPO_VERSIONNUMBER", "1");
    expected.put("REPO_VERSIONID", env.get("REPO_VERSIONID"));
    expected.put("REPO_SOURCENAME", "org/repo");
    expected.put("REPO_POINTER_SOURCENAME", "org/repo");
    expected.put("REPO_POINTER_BRANCH", "main");
    expected.put("REPO_POINTER_SOURCEURL", repository.bare().toString());
    expected.put("REPO_BRANCH", "main");
    expected.put("REPO_BASE_BRANCH", "main");
    expected.put("REPO_HEAD_BRANCH", "");
    expected.put("REPO_PULL_REQUEST", "false");
    expected.put("REPO_IS_PULL_REQUEST", "false");
    expected.put("REPO_IS_PULL_REQUEST_CLOSE", "false");
    expected.put("REPO_PULL_REQUEST_REPO_FULL_NAME", "");
    expected.put("REPO_COMMIT", commit);
    expected.put("REPO_COMMITTER", TestRepository.AUTHOR);
    expected.put("REPO_COMMIT_MESSAGE", "add the app\n\nwith a body");
    expected.put("REPO_IS_GIT_TAG", "false");
    expected.put("REPO_GIT_TAG_NAME", "");
    expected.put("REPO_IS_RELEASE", "false");
    expected.put("REPO_RELEASE_NAME", "");
    expected.put("REPO_RELEASED_AT", "");
    expected.put("REPO_KEYPATH", root + "/secrets/7-repo_key.pem");
    expected.put("REPO_SSH_URL", "git@github.com:org/repo.git");
    expected.put("REPO_HTTPS_URL", "https://github.com/org/repo.git");
    expected.put("REPO_IS_FORK", "false");
    expected.put("REPO_REPO_FULL_NAME", "org/repo");
    // integration resource with a key-value integration: raw keys and prefixed (§9 point 2)
    dependency(expected, "DEPLOYCREDS", "deploy-creds", "integration", "IN", root);
    expected.put("DEPLOYCREDS_VERSIONNUMBER", "1");
    expected.put("DEPLOYCREDS_VERSIONID", env.get("DEPLOYCREDS_VERSIONID"));
    expected.put("DEPLOY_TOKEN", "made-up-kv-token-value");
    expected.put("DEPLOYCREDS_INTEGRATION_DEPLOY_TOKEN", "made-up-kv-token-value");
    // image OUT: templated sourceName (§3.9) from the variables before it
    dependency(expected, "OUTIMAGE", "out-image", "image", "OUT", root);
    expected.put("OUTIMAGE_VERSIONNAME", "0.0.1");
    expected.put("OUTIMAGE_VERSIONNUMBER", "1");
    expected.put("OUTIMAGE_VERSIONID", env.get("OUTIMAGE_VERSIONID"));
    expected.put("OUTIMAGE_SOURCENAME", "registry.example.com/org/app-out");
    expected.put("OUTIMAGE_POINTER_SOURCENAME", "registry.example.com/org/app-out");
    expected.put("OUTIMAGE_SEED_VERSIONNAME", "0.0.1");
    expected.put("OUTIMAGE_INTEGRATION_URL", "https://index.docker.io/v1/");
    expected.put("OUTIMAGE_INTEGRATION_USERNAME", "test-user");
    expected.put("OUTIMAGE_INTEGRATION_PASSWORD", "made-up-registry-pass");
    expected.put("OUTIMAGE_INTEGRATION_EMAIL", "test@example.com");
    // per task and runtime (§3.2 last rows, §3.6 point 3)
    expected.put("TASK_NAME", "dump");
    expected.put("TASK_IN_CONTAINER", "false");
    expected.put("TASK_VAR", "from-task");
    expected.put("SHIPPABLE_NODE_OPERATING_SYSTEM", "linux");
    expected.put("DUMP", dump.toString());
    expected.put("SHIPRUN_RUN_TOKEN", env.get("SHIPRUN_RUN_TOKEN"));
    // registry access without a login: the job's own config.json
    expected.put("DOCKER_CONFIG", root + "/secrets/docker");
    expected.put("REGISTRY_AUTH_FILE", root + "/secrets/docker/config.json");

    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertEquals(e.getValue(), env.get(e.getKey()), "value of " + e.getKey());
    }
    assertTrue(env.get("PATH").startsWith(home.resolve("bin") + ":"), env.get("PATH"));
    assertTrue(
        Files.isRegularFile(Path.of(root)) || !Files.exists(Path.of(root)),
        "the build folder is gone after the run");
    // Nothing else: the caller's allow-list (PATH, HOME, … when set) and bash's own variables.
    Set<String> allowed =
        Set.of(
            "PATH",
            "HOME",
            "USER",
            "LOGNAME",
            "SHELL",
            "LANG",
            "LC_ALL",
            "LC_CTYPE",
            "TZ",
            "TERM",
            "TMPDIR",
            "PWD",
            "SHLVL",
            "_",
            "OLDPWD");
    Set<String> unexpected = new TreeSet<>(env.keySet());
    unexpected.removeAll(expected.keySet());
    unexpected.removeAll(allowed);
    assertEquals(Set.of(), unexpected, "variables outside the contract");
    assertFalse(result.getOutput().contains("made-up"), "a secret reached stdout");
    assertFalse(result.getErrorOutput().contains("made-up"), "a secret reached stderr");
  }

  private void dependency(
      Map<String, String> expected,
      String prefix,
      String name,
      String type,
      String op,
      String root) {
    expected.put(prefix + "_NAME", name);
    expected.put(prefix + "_ID", ids.get(prefix + "_ID"));
    expected.put(prefix + "_TYPE", type);
    expected.put(prefix + "_OPERATION", op);
    expected.put(prefix + "_PATH", root + "/" + op + "/" + name);
    expected.put(prefix + "_META", root + "/" + op + "/" + name);
    expected.put(prefix + "_STATE", root + "/" + op + "/" + name + "/" + type);
  }

  /** {@code env -0} output: NUL-separated NAME=VALUE entries, values may hold newlines. */
  static Map<String, String> read(Path dump) throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    for (String entry : Files.readString(dump, StandardCharsets.UTF_8).split("\0")) {
      int eq = entry.indexOf('=');
      if (eq > 0) {
        env.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    return env;
  }
}
