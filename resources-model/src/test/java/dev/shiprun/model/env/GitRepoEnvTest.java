package dev.shiprun.model.env;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class GitRepoEnvTest {

  private static final String LINE =
      """
      resources:
        - name: app-repo
          type: gitRepo
          integration: gh
          versionTemplate:
            sourceName: acme/app
            branch: main
        - name: lab
          type: gitRepo
          integration: lab-creds
          pointer:
            sourceName: team/tool
            sourceUrl: file:///srv/git/tool.git
      jobs:
        - name: build
          type: runSh
          steps:
            - IN: app-repo
            - IN: lab
            - TASK: {script: [echo]}
      """;

  private static AssemblyLine line() {
    Validation v =
        new AssemblyLineLoader()
            .load(
                List.of(new PipelineFile("shippable.yml", LINE.getBytes(StandardCharsets.UTF_8))),
                new Diagnostics());
    return v.valid().orElseThrow(() -> new AssertionError(v.diagnostics())).line();
  }

  private static Integration integration(String name, String type, String url) {
    Map<String, FieldValue> fields = new LinkedHashMap<>();
    fields.put("url", new FieldValue.Text(url));
    fields.put("token", new FieldValue.Hidden(new Secret("made-up-token")));
    return new Integration(
        name,
        IntegrationTypes.builtIn().find(type).orElseThrow(),
        fields,
        SourceLocation.ofFile("i.yml"));
  }

  private static JobEnv plan(VersionLookup versions, String githubUrl) {
    AssemblyLine line = line();
    Job job = line.job("build").orElseThrow();
    Map<String, Integration> integrations =
        Map.of(
            "gh", integration("gh", "github", githubUrl),
            "lab-creds", integration("lab-creds", "gitlab", "https://gitlab.example.com/api/v4"));
    return new JobEnvPlanner()
        .plan(job, line, new BuildInfo("/b", "7", "3", "manual"), versions, integrations);
  }

  private static String value(JobEnv env, String name) {
    return env.get(name).orElseThrow(() -> new AssertionError("no " + name)).value().display();
  }

  @Test
  void aCommitsShaDataBecomesTheGitVariables() {
    Map<String, Object> sha = new LinkedHashMap<>();
    sha.put("branchName", "main");
    sha.put("commitSha", "0123abcd");
    sha.put("commitMessage", "fix: the thing\n\nwith a body");
    sha.put("committer", Map.of("displayName", "Ada Lovelace", "email", "ada@example.com"));
    sha.put("isPullRequest", false);
    sha.put("isGitTag", false);
    ResourceVersion commit =
        new ResourceVersion(
            Optional.of("0123abcd"),
            OptionalLong.of(4),
            OptionalLong.of(40),
            Optional.empty(),
            Optional.of(ShaData.of(sha)));
    JobEnv env =
        plan(
            name -> name.equals("app-repo") ? Optional.of(commit) : Optional.empty(),
            "https://api.github.com");
    assertEquals("main", value(env, "APPREPO_BRANCH"));
    assertEquals("main", value(env, "APPREPO_BASE_BRANCH"));
    assertEquals("", value(env, "APPREPO_HEAD_BRANCH"));
    assertEquals("0123abcd", value(env, "APPREPO_COMMIT"));
    assertEquals("0123abcd", value(env, "APPREPO_VERSIONNAME"));
    assertEquals("Ada Lovelace", value(env, "APPREPO_COMMITTER"));
    assertEquals("fix: the thing\n\nwith a body", value(env, "APPREPO_COMMIT_MESSAGE"));
    assertEquals("false", value(env, "APPREPO_PULL_REQUEST"));
    assertEquals("false", value(env, "APPREPO_IS_PULL_REQUEST"));
    assertEquals("false", value(env, "APPREPO_IS_GIT_TAG"));
    assertEquals("", value(env, "APPREPO_GIT_TAG_NAME"));
    assertEquals("false", value(env, "APPREPO_IS_RELEASE"));
    assertEquals("false", value(env, "APPREPO_IS_FORK"));
    assertEquals("acme/app", value(env, "APPREPO_REPO_FULL_NAME"));
    assertEquals("/b/secrets/app-repo_key.pem", value(env, "APPREPO_KEYPATH"));
    assertEquals("https://github.com/acme/app.git", value(env, "APPREPO_HTTPS_URL"));
    assertEquals("git@github.com:acme/app.git", value(env, "APPREPO_SSH_URL"));
    assertEquals("/b/IN/app-repo/gitRepo", value(env, "APPREPO_STATE"));
    assertEquals("***", value(env, "APPREPO_INTEGRATION_TOKEN"));
  }

  @Test
  void beforeTheFirstCommitTheBranchComesFromTheYaml() {
    JobEnv env = plan(name -> Optional.empty(), "https://api.github.com");
    assertEquals("main", value(env, "APPREPO_BRANCH"));
    assertEquals("", value(env, "APPREPO_COMMIT"));
    assertEquals("", value(env, "LAB_BRANCH"));
  }

  @Test
  void addressesFollowTheScmOfTheIntegration() {
    JobEnv env = plan(name -> Optional.empty(), "https://ghe.example.com/api/v3/");
    assertEquals("https://ghe.example.com/acme/app.git", value(env, "APPREPO_HTTPS_URL"));
    assertEquals("git@ghe.example.com:acme/app.git", value(env, "APPREPO_SSH_URL"));
    assertEquals("https://gitlab.example.com/team/tool.git", value(env, "LAB_HTTPS_URL"));
    assertEquals("git@gitlab.example.com:team/tool.git", value(env, "LAB_SSH_URL"));
  }

  @Test
  void sourceUrlIsWhatIsClonedWhenGiven() {
    AssemblyLine line = line();
    GitRepoUrls lab =
        GitRepoUrls.of(line.resource("lab").orElseThrow(), "team/tool", Optional.empty());
    assertEquals("file:///srv/git/tool.git", lab.cloneUrl());
    assertEquals("https://github.com/team/tool.git", lab.httpsUrl());
    GitRepoUrls app =
        GitRepoUrls.of(line.resource("app-repo").orElseThrow(), "acme/app", Optional.empty());
    assertEquals(app.httpsUrl(), app.cloneUrl());
  }
}
