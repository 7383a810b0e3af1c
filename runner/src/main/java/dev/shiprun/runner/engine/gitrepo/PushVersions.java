package dev.shiprun.runner.engine.gitrepo;

import dev.shiprun.model.GitRepoResource;
import dev.shiprun.model.Resource;
import dev.shiprun.model.RunCiJob;
import dev.shiprun.model.ci.CiConfig;
import dev.shiprun.model.env.GitRepoUrls;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.graph.ImpliedCi;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.runner.git.Git;
import dev.shiprun.runner.store.NewVersion;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.StoredVersion;
import dev.shiprun.runner.store.VersionKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The versions a push makes in a line (where Shippable's webhook made them): one of each gitRepo
 * whose repository is the pushed one and whose filter follows the branch or tag, and one of each
 * {@code <repo>_ciRepo} of that repository whose CI {@code branches:} builds it. Each holds the
 * commit's {@code shaData}, {@code repositoryFullName} and {@code repositoryUrl}: the line's own
 * folder when it is a git repository that holds the commit, else the push's clone URL.
 */
public final class PushVersions {

  /**
   * What a push makes: the versions, and the resources of the repository that do not build it
   * (their names with the reason), for "ignored: branch X is not built".
   */
  public record Made(List<NewVersion> versions, Map<String, String> filteredOut) {
    public Made {
      versions = List.copyOf(versions);
      filteredOut = Map.copyOf(filteredOut);
    }

    /** The resources whose versions these are, in line order. */
    public List<String> resources() {
      return versions.stream().map(NewVersion::name).toList();
    }
  }

  private final Git git;

  public PushVersions(Git git) {
    this.git = git;
  }

  /**
   * The versions {@code push} makes in {@code line}; {@code folder} is the line's own folder when
   * it has one.
   */
  public Made make(
      String line,
      AssemblyLine valid,
      Optional<Path> folder,
      Push push,
      Map<String, Integration> integrations) {
    String repositoryUrl =
        folder
            .filter(f -> git.hasCommit(f, push.commitSha()))
            .map(Path::toString)
            .orElse(push.cloneUrl());
    List<NewVersion> versions = new ArrayList<>();
    Map<String, String> filteredOut = new LinkedHashMap<>();
    for (Resource resource : valid.resources()) {
      Optional<GitRepoResource> gitRepo = resource.asGitRepo();
      if (gitRepo.isPresent() && sameRepository(gitRepo.get(), push, integrations)) {
        Optional<String> why = gitRepoSkips(gitRepo.get(), push);
        if (why.isPresent()) {
          filteredOut.put(resource.name(), why.get());
        } else {
          Map<String, Object> bag = bag(push, repositoryUrl);
          resource.definition().text("sourceName").ifPresent(s -> bag.put("sourceName", s));
          bag.put("yml", gitRepo.get().yml());
          versions.add(version(line, resource.name(), push, bag));
        }
      } else if (isCiRepoOf(resource, push)) {
        Optional<String> why = ciSkips(valid, resource.name(), push);
        if (why.isPresent()) {
          filteredOut.put(resource.name(), why.get());
        } else {
          versions.add(version(line, resource.name(), push, bag(push, repositoryUrl)));
        }
      }
    }
    return new Made(versions, filteredOut);
  }

  /**
   * Posts the versions {@code made}, in the caller's transaction, and moves the pushed ref among
   * the refs remembered for each gitRepo whose repository was looked at before, so that the next
   * look does not make the same version again.
   */
  public static List<StoredVersion> record(
      Connection c, Store store, String line, Push push, Made made) throws SQLException {
    List<StoredVersion> posted = new ArrayList<>();
    for (NewVersion v : made.versions()) {
      posted.add(store.versions().post(c, v));
      Map<String, String> refs = new LinkedHashMap<>(store.versions().gitRefs(c, line, v.name()));
      if (!refs.isEmpty()) {
        refs.put(push.ref(), push.commitSha());
        store.versions().putGitRefs(c, line, v.name(), refs);
      }
    }
    return posted;
  }

  /** Why {@code repo} makes no version of the push; empty when it does. */
  private static Optional<String> gitRepoSkips(GitRepoResource repo, Push push) {
    GitRepoFilter filter = GitRepoFilter.of(repo);
    if (push.branch().isPresent()) {
      if (!filter.buildOnCommit()) {
        return Optional.of("buildOnCommit is false");
      }
      return filter.followsBranch(push.branch().get(), push.defaultBranch())
          ? Optional.empty()
          : Optional.of("it follows " + filter.describe());
    }
    if (!filter.buildOnTagPush()) {
      return Optional.of("buildOnTagPush is not true");
    }
    return filter.followsTag(push.tag().orElseThrow())
        ? Optional.empty()
        : Optional.of("its tags filter leaves the tag out");
  }

  /** Why the CI of {@code ciRepo} does not build the push; empty when it does. */
  private static Optional<String> ciSkips(AssemblyLine valid, String ciRepo, Push push) {
    String runCi = push.repositoryName() + ImpliedCi.JOB_SUFFIX;
    Optional<CiConfig> ci =
        valid
            .job(runCi)
            .filter(RunCiJob.class::isInstance)
            .map(RunCiJob.class::cast)
            .flatMap(RunCiJob::ci);
    if (ci.isEmpty() || ci.get().branches().matches(push.refName())) {
      return Optional.empty();
    }
    return Optional.of("the branches: of its shippable.yml leave it out");
  }

  private static boolean isCiRepoOf(Resource resource, Push push) {
    return resource.type().equals("ciRepo")
        && resource.name().equalsIgnoreCase(push.repositoryName() + ImpliedCi.RESOURCE_SUFFIX);
  }

  /** Whether the gitRepo's repository is the pushed one: by {@code org/repo}, else by address. */
  static boolean sameRepository(
      GitRepoResource repo, Push push, Map<String, Integration> integrations) {
    String sourceName = repo.definition().text("sourceName").orElse("");
    if (!sourceName.isBlank() && plain(sourceName).equals(plain(push.repositoryFullName()))) {
      return true;
    }
    Optional<Integration> integration = repo.integration().map(i -> integrations.get(i.name()));
    GitRepoUrls urls = GitRepoUrls.of(repo, sourceName, integration);
    String pushed = plain(push.cloneUrl());
    return plain(urls.cloneUrl()).equals(pushed) || plain(urls.httpsUrl()).equals(pushed);
  }

  /** A repository name or address compared loosely: lower case, no user-info, no {@code .git}. */
  private static String plain(String text) {
    String out = text.strip().toLowerCase(Locale.ROOT).replaceFirst("^(\\w+://)[^/@]+@", "$1");
    while (out.endsWith("/")) {
      out = out.substring(0, out.length() - 1);
    }
    if (out.endsWith(".git")) {
      out = out.substring(0, out.length() - 4);
    }
    return out;
  }

  private static Map<String, Object> bag(Push push, String repositoryUrl) {
    Map<String, Object> bag = new LinkedHashMap<>();
    bag.put(
        "shaData",
        ShaData.of(
            push.providerDomain(),
            push.refName(),
            push.tag(),
            push.commitSha(),
            push.beforeCommitSha(),
            push.commitMessage(),
            push.committer(),
            push.author()));
    bag.put("repositoryUrl", repositoryUrl);
    bag.put("repositoryFullName", push.repositoryFullName());
    return bag;
  }

  private static NewVersion version(
      String line, String resource, Push push, Map<String, Object> bag) {
    return new NewVersion(
        line,
        resource,
        VersionKind.RESOURCE,
        Optional.of(push.commitSha()),
        bag,
        Optional.empty(),
        OptionalLong.empty());
  }
}
