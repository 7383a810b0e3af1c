package dev.shiprun.model.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.Job;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.model.integration.Secret;
import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.model.parse.PipelineFile;
import dev.shiprun.model.validate.Validation;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobEnvPlannerTest {

  private static final String LINE =
      """
      resources:
        - name: my-img
          type: image
          integration: hub-creds
          pointer: {sourceName: registry.example.com/org/app}
          seed: {versionName: "1.0"}
        - name: new_img
          type: image
          integration: hub-creds
          versionTemplate:
            sourceName: org/new
            versionName: "2.0"
            branches: {only: [main, "release/*"]}
        - name: cfg
          type: params
          versionTemplate:
            params:
              GREETING: hello world
              NESTED: {a: 1}
              secure: abc123
        - name: keys
          type: integration
          integration: team-env
      jobs:
        - name: build-app
          type: runSh
          integrations: [hub-creds]
          steps:
            - IN: cfg
            - IN: my-img
            - IN: keys
            - TASK: {script: [echo]}
            - OUT: new_img
      """;

  private static final String PASSWORD = "made-up-p4ss";

  private static JobEnv plan(Map<String, Integration> integrations) {
    Validation v =
        new AssemblyLineLoader()
            .load(
                List.of(new PipelineFile("shippable.yml", LINE.getBytes(StandardCharsets.UTF_8))),
                new Diagnostics());
    AssemblyLine line = v.valid().orElseThrow(() -> new AssertionError(v.diagnostics())).line();
    Job job = line.job("build-app").orElseThrow();
    VersionLookup versions =
        name ->
            line.resource(name)
                .flatMap(r -> r.definition().seedVersionName().map(ResourceVersion::seeded));
    return new JobEnvPlanner()
        .plan(job, line, new BuildInfo("/b", "7", "3", "manual"), versions, integrations);
  }

  private static Map<String, Integration> integrations(Optional<String> url) {
    Map<String, FieldValue> hub = new LinkedHashMap<>();
    url.ifPresent(u -> hub.put("url", new FieldValue.Text(u)));
    hub.put("username", new FieldValue.Text("alice"));
    hub.put("password", new FieldValue.Hidden(new Secret(PASSWORD)));
    hub.put("email", new FieldValue.Text("alice@example.com"));
    Integration docker =
        new Integration(
            "hub-creds", IntegrationTypes.DOCKER_REGISTRY, hub, SourceLocation.ofFile("i.yml"));
    Integration kv =
        new Integration(
            "team-env",
            IntegrationTypes.builtIn().find("keyValuePair").orElseThrow(),
            Map.of("envs", new FieldValue.Entries(Map.of("DEPLOY_TOKEN", new Secret("tok-123")))),
            SourceLocation.ofFile("i.yml"));
    return Map.of("hub-creds", docker, "team-env", kv);
  }

  private static String value(JobEnv env, String name) {
    return env.get(name).orElseThrow(() -> new AssertionError("no " + name)).value().display();
  }

  @Test
  void openedSecurePairsAreParamsVariablesLikePlainOnesButHidden() {
    Validation v =
        new AssemblyLineLoader()
            .load(
                List.of(new PipelineFile("shippable.yml", LINE.getBytes(StandardCharsets.UTF_8))),
                new Diagnostics());
    AssemblyLine line = v.valid().orElseThrow().line();
    Map<String, Secret> pairs = new LinkedHashMap<>();
    pairs.put("API_TOKEN", new Secret("made-up-api-token"));
    SecureParams secure = new SecureParams(Map.of("cfg", pairs), Map.of());
    JobEnv env =
        new JobEnvPlanner()
            .plan(
                line.job("build-app").orElseThrow(),
                line,
                new BuildInfo("/b", "7", "3", "manual"),
                name -> Optional.empty(),
                integrations(Optional.empty()),
                secure);
    for (String name : List.of("API_TOKEN", "CFG_PARAMS_API_TOKEN")) {
      EnvVar var = env.get(name).orElseThrow(() -> new AssertionError("no " + name));
      assertTrue(var.value().isSecret(), name);
      assertEquals("***", var.value().display());
      assertEquals("made-up-api-token", ((EnvValue.Hidden) var.value()).secret().reveal());
      assertEquals("IN cfg", var.origin());
    }
    assertEquals("hello world", value(env, "CFG_PARAMS_GREETING"));
    assertTrue(plan(integrations(Optional.empty())).get("API_TOKEN").isEmpty());
  }

  @Test
  void dockerRegistryIntegrationGivesTheFourVariablesWithPasswordSecret() {
    JobEnv env = plan(integrations(Optional.of("https://registry.example.com")));
    assertEquals("https://registry.example.com", value(env, "MYIMG_INTEGRATION_URL"));
    assertEquals("alice", value(env, "MYIMG_INTEGRATION_USERNAME"));
    assertEquals("alice@example.com", value(env, "MYIMG_INTEGRATION_EMAIL"));
    EnvVar password = env.get("MYIMG_INTEGRATION_PASSWORD").orElseThrow();
    assertTrue(password.value().isSecret());
    assertEquals("***", password.value().display());
    assertEquals(
        PASSWORD, ((EnvValue.Hidden) password.value()).secret().reveal(), "value kept for run");
    assertFalse(env.variables().toString().contains(PASSWORD));
  }

  @Test
  void emptyRegistryUrlMeansDockerHub() {
    JobEnv env = plan(integrations(Optional.empty()));
    assertEquals("https://index.docker.io/v1/", value(env, "MYIMG_INTEGRATION_URL"));
    assertEquals("https://index.docker.io/v1/", value(env, "NEW_IMG_INTEGRATION_URL"));
  }

  @Test
  void outResourcesAndDirectIntegrationsGetIntegrationVariablesToo() {
    JobEnv env = plan(integrations(Optional.empty()));
    assertEquals("OUT", value(env, "NEW_IMG_OPERATION"));
    assertEquals("alice", value(env, "NEW_IMG_INTEGRATION_USERNAME"));
    assertEquals("alice", value(env, "HUBCREDS_INTEGRATION_USERNAME"));
  }

  @Test
  void resourceVariablesFollowShippablesLayout() {
    JobEnv env = plan(integrations(Optional.empty()));
    assertEquals("/b/IN/my-img", value(env, "MYIMG_PATH"));
    assertEquals("/b/IN/my-img", value(env, "MYIMG_META"));
    assertEquals("/b/IN/my-img/image", value(env, "MYIMG_STATE"));
    assertEquals("/b/OUT/new_img/image", value(env, "NEW_IMG_STATE"));
    assertEquals("my-img", value(env, "MYIMG_NAME"));
    assertEquals("image", value(env, "MYIMG_TYPE"));
    assertEquals("1.0", value(env, "MYIMG_VERSIONNAME"));
    assertEquals("registry.example.com/org/app", value(env, "MYIMG_SOURCENAME"));
    assertEquals("registry.example.com/org/app", value(env, "MYIMG_POINTER_SOURCENAME"));
    assertEquals("1.0", value(env, "MYIMG_SEED_VERSIONNAME"));
  }

  @Test
  void versionTemplateFlattensPointerLikeAndSeedLikeKeys() {
    JobEnv env = plan(integrations(Optional.empty()));
    assertEquals("org/new", value(env, "NEW_IMG_POINTER_SOURCENAME"));
    assertEquals("2.0", value(env, "NEW_IMG_SEED_VERSIONNAME"));
    assertEquals("main", value(env, "NEW_IMG_POINTER_BRANCHES_ONLY_0"));
    assertEquals("release/*", value(env, "NEW_IMG_POINTER_BRANCHES_ONLY_1"));
  }

  @Test
  void paramsComeFirstRawAndPrefixedWithoutTheSecureBlob() {
    JobEnv env = plan(integrations(Optional.empty()));
    List<String> names = env.variables().stream().map(EnvVar::name).toList();
    assertEquals(List.of("GREETING", "NESTED"), names.subList(0, 2));
    assertEquals("hello world", value(env, "GREETING"));
    assertEquals("hello world", value(env, "CFG_PARAMS_GREETING"));
    assertEquals("{\"a\":1}", value(env, "NESTED"));
    assertTrue(env.get("secure").isEmpty());
    assertTrue(env.get("CFG_PARAMS_SECURE").isEmpty());
    assertTrue(env.get("CFG_STATE").isEmpty(), "params resources have no state folder");
  }

  @Test
  void keyValueEntriesAreExportedRawAndPrefixedAsSecrets() {
    JobEnv env = plan(integrations(Optional.empty()));
    assertTrue(env.get("DEPLOY_TOKEN").orElseThrow().value().isSecret());
    assertTrue(env.get("KEYS_INTEGRATION_DEPLOY_TOKEN").orElseThrow().value().isSecret());
  }

  @Test
  void jobVariablesAndTheJobSeenAsAResource() {
    JobEnv env = plan(integrations(Optional.empty()));
    assertEquals("build-app", value(env, "JOB_NAME"));
    assertEquals("runSh", value(env, "JOB_TYPE"));
    assertEquals("3", value(env, "BUILD_NUMBER"));
    assertEquals("/b/state", value(env, "JOB_STATE"));
    assertEquals("/b/previousState", value(env, "JOB_PREVIOUS_STATE"));
    assertEquals("/b/shared", value(env, "SHARED_DIR"));
    assertEquals("/b/integrations", value(env, "JOB_INTEGRATIONS"));
    assertEquals("/b/state", value(env, "BUILDAPP_STATE"));
    assertEquals("manual", value(env, "JOB_TRIGGERED_BY_NAME"));
  }

  private static final String SHARED_LINE =
      """
      resources:
        - name: img
          type: image
          pointer: {sourceName: "org/$JOB_NAME"}
        - name: repo
          type: gitRepo
          pointer: {sourceName: org/repo}
      jobs:
        - name: one
          type: runSh
          steps:
            - IN: img
            - IN: repo
            - TASK: {script: [echo]}
        - name: two
          type: runSh
          steps:
            - IN: img
            - IN: repo
            - TASK: {script: [echo]}
      """;

  @Test
  void aSessionSharesResourceVariablesButTemplatesPerJob() {
    Validation v =
        new AssemblyLineLoader()
            .load(
                List.of(
                    new PipelineFile(
                        "shippable.yml", SHARED_LINE.getBytes(StandardCharsets.UTF_8))),
                new Diagnostics());
    AssemblyLine line = v.valid().orElseThrow(() -> new AssertionError(v.diagnostics())).line();
    VersionLookup none = name -> Optional.empty();
    BuildInfo build = new BuildInfo("/b", "7", "3", "manual");
    JobEnvPlanner planner = new JobEnvPlanner();
    JobEnvPlanner.Session session = planner.session(line, none, Map.of());
    JobEnv one = session.plan(line.job("one").orElseThrow(), build);
    JobEnv two = session.plan(line.job("two").orElseThrow(), build);

    for (String job : List.of("one", "two")) {
      JobEnv alone = planner.plan(line.job(job).orElseThrow(), line, build, none, Map.of());
      assertEquals(alone.variables(), (job.equals("one") ? one : two).variables(), job);
    }
    assertEquals("org/one", value(one, "IMG_SOURCENAME"));
    assertEquals("org/two", value(two, "IMG_SOURCENAME"));
    assertTrue(
        one.get("REPO_SOURCENAME").orElseThrow() == two.get("REPO_SOURCENAME").orElseThrow(),
        "a variable that reads nothing of the job is made once");
  }
}
