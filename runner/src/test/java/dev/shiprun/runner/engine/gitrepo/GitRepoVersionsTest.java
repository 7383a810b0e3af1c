package dev.shiprun.runner.engine.gitrepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.model.integration.Secret;
import dev.shiprun.runner.engine.TestLines;
import dev.shiprun.runner.git.Git;
import dev.shiprun.runner.git.GitMirrors;
import dev.shiprun.runner.git.TestRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A look at repositories whose URLs carry secrets of the line's integrations in each place a URL
 * can hold one (user-info, path, query): what the look tells the user and the reasons it keeps name
 * the URL with the secrets masked. The look runs outside any job, so no job's masker is there to
 * hide them.
 */
class GitRepoVersionsTest {

  private static final String PASSWORD = "made-up-user-info-pass-4q8z";
  private static final String PATH_TOKEN = "made-up-path-token-9w2e";
  private static final String QUERY_TOKEN = "made-up-query-token-3r7t";

  @TempDir Path temp;

  @Test
  void aRepositoryThatCannotBeReachedIsNamedWithTheIntegrationsSecretsMasked() {
    AssemblyLine line =
        TestLines.parse(
            """
            resources:
              - name: in-user-info
                type: gitRepo
                versionTemplate:
                  sourceName: acme/one
                  sourceUrl: https://alice:%s@127.0.0.1:9/acme/one.git
              - name: in-path
                type: gitRepo
                versionTemplate:
                  sourceName: acme/two
                  sourceUrl: %s
              - name: in-query
                type: gitRepo
                versionTemplate:
                  sourceName: acme/three
                  sourceUrl: https://127.0.0.1:9/acme/three.git?private_token=%s
            jobs:
              - name: build
                type: runSh
                steps:
                  - IN: in-user-info
                  - IN: in-path
                  - IN: in-query
                  - TASK: {script: [echo never]}
            """
                .formatted(PASSWORD, temp.resolve(PATH_TOKEN).resolve("origin.git"), QUERY_TOKEN));
    List<String> said = new ArrayList<>();

    GitRepoVersions.Looked looked = look(line, said);

    assertEquals(List.of(), looked.found());
    assertEquals(3, said.size(), said.toString());
    assertEquals(Set.of("in-user-info", "in-path", "in-query"), looked.problems().keySet());
    List<String> told = new ArrayList<>(said);
    told.addAll(looked.problems().values());
    for (String text : told) {
      assertTrue(text.contains("cannot look at "), text);
      assertFalse(text.contains(PASSWORD), text);
      assertFalse(text.contains(PATH_TOKEN), text);
      assertFalse(text.contains(QUERY_TOKEN), text);
    }
    assertTrue(said.get(0).contains("https://***@127.0.0.1:9/acme/one.git"), said.get(0));
    assertTrue(said.get(1).contains("/***/origin.git"), said.get(1));
    assertTrue(said.get(2).contains("/acme/three.git?private_token=***"), said.get(2));
  }

  @Test
  void aRepositoryWithNoBranchToFollowIsNamedWithTheIntegrationsSecretsMasked() throws Exception {
    TestRepository repo = TestRepository.create(temp.resolve(PATH_TOKEN), "app.txt", "one\n");
    AssemblyLine line =
        TestLines.parse(
            """
            resources:
              - name: app-repo
                type: gitRepo
                versionTemplate:
                  sourceName: acme/app
                  sourceUrl: %s
                  branch: no-such-branch
            jobs:
              - name: build
                type: runSh
                steps:
                  - IN: app-repo
                  - TASK: {script: [echo never]}
            """
                .formatted(repo.bare()));
    List<String> said = new ArrayList<>();

    GitRepoVersions.Looked looked = look(line, said);

    String problem = looked.problems().get("app-repo");
    assertEquals(
        "no branch of "
            + temp.resolve("***").resolve("origin.git")
            + " matches branch"
            + " 'no-such-branch'",
        problem);
    assertEquals(List.of("app-repo: " + problem), said);
  }

  /**
   * A first look at every gitRepo of {@code line}, given the integration that holds the secrets.
   */
  private GitRepoVersions.Looked look(AssemblyLine line, List<String> said) {
    Integration hub =
        new Integration(
            "hub",
            IntegrationTypes.DOCKER_REGISTRY,
            Map.of(
                "password", new FieldValue.Hidden(new Secret(PASSWORD)),
                "token", new FieldValue.Hidden(new Secret(PATH_TOKEN)),
                "apiKey", new FieldValue.Hidden(new Secret(QUERY_TOKEN))),
            SourceLocation.ofFile("integrations.yml"));
    Set<String> names = new HashSet<>();
    line.resources().forEach(r -> names.add(r.name()));
    return new GitRepoVersions(new GitMirrors(temp.resolve("git"), new Git(Duration.ofSeconds(30))))
        .look(
            "line",
            GitRepoVersions.repos(line, names),
            new GitRepoVersions.Known(Map.of(), Map.of()),
            Map.of("hub", hub),
            (resource, text) -> said.add(resource + ": " + text));
  }
}
