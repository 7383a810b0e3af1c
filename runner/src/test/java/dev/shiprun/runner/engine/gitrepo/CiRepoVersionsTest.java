package dev.shiprun.runner.engine.gitrepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.ci.CiConfigReader;
import dev.shiprun.model.ci.RepositoryCi;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.yaml.YamlMapping;
import dev.shiprun.runner.git.Git;
import dev.shiprun.runner.git.GitAuth;
import dev.shiprun.runner.git.GitMirrors;
import dev.shiprun.runner.git.RepositoryNames;
import dev.shiprun.runner.git.TestRepository;
import dev.shiprun.runner.store.NewVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ciRepo version of a real repository's commit: who made it, where it is, what it is called.
 */
class CiRepoVersionsTest {

  @TempDir Path temp;

  private final Git git = new Git(Duration.ofSeconds(30));

  private RepositoryCi ci(Path folder) {
    SourceLocation at = SourceLocation.ofFile("shippable.yml");
    return new RepositoryCi(
        "shop",
        "shippable.yml",
        at,
        CiConfigReader.read(new YamlMapping(List.of(), at), new Diagnostics()),
        Optional.of(folder));
  }

  @Test
  void theRemoteNamesTheFullNameAndTheProviderAndAGivenCommitKeepsItsBranch() throws Exception {
    TestRepository repo = TestRepository.create(temp.resolve("repo"), "a.txt", "one\n");
    String first = repo.head();
    repo.commit("a.txt", "two\n", "second");
    Path work = repo.work();
    git.run(
        work,
        GitAuth.NONE,
        List.of("remote", "set-url", "origin", "https://github.com/acme/shop.git"));
    List<String> said = new ArrayList<>();
    CiRepoVersions versions = new CiRepoVersions(git, new GitMirrors(temp.resolve("git"), git));

    NewVersion v =
        versions
            .look(
                "line",
                ci(work.resolve(".")),
                CiRepoVersions.resolve(git, work, "HEAD~1"),
                Optional.empty(),
                (resource, text) -> said.add(resource + ": " + text))
            .orElseThrow();
    assertEquals(Optional.of(first), v.versionName());
    assertEquals("shop_ciRepo", v.name());
    assertEquals("acme/shop", v.propertyBag().get("repositoryFullName"));
    assertEquals(work.toRealPath().toString(), v.propertyBag().get("repositoryUrl"));
    Map<?, ?> sha = (Map<?, ?>) v.propertyBag().get("shaData");
    assertEquals("github.com", sha.get("providerDomain"));
    assertEquals("", sha.get("branchName"), "HEAD~1 is the head of no branch");
    assertEquals(first, sha.get("commitSha"));
    assertEquals(List.of("shop_ciRepo: new commit " + first.substring(0, 12)), said);
  }

  @Test
  void aFolderBelowTheRootIsBuiltWhereItIsAndNamedAfterItself() throws Exception {
    TestRepository repo = TestRepository.create(temp.resolve("repo"), "app/a.txt", "one\n");
    Path work = repo.work();
    git.run(
        work,
        GitAuth.NONE,
        List.of("remote", "set-url", "origin", "https://github.com/acme/monorepo.git"));
    CiRepoVersions versions = new CiRepoVersions(git, new GitMirrors(temp.resolve("git"), git));

    NewVersion v =
        versions
            .look(
                "line",
                ci(work.resolve("app")),
                Optional.empty(),
                Optional.empty(),
                (resource, text) -> {})
            .orElseThrow();
    assertEquals(work.toRealPath().toString(), v.propertyBag().get("repositoryUrl"));
    assertEquals("app", v.propertyBag().get("repositoryPath"));
    assertEquals("app", new RepositoryNames(Optional.empty(), git).apply(work.resolve("app")));
    assertEquals("monorepo", new RepositoryNames(Optional.empty(), git).apply(work));
  }

  @Test
  void aRefThatNamesNoCommitResolvesToNothing() throws Exception {
    TestRepository repo = TestRepository.create(temp.resolve("repo"), "a.txt", "one\n");
    assertEquals(Optional.of(repo.head()), CiRepoVersions.resolve(git, repo.work(), "main"));
    assertTrue(CiRepoVersions.resolve(git, repo.work(), "nope").isEmpty());
    assertTrue(CiRepoVersions.resolve(git, temp, "HEAD").isEmpty());
  }
}
