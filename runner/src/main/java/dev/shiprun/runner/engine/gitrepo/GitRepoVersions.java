package dev.shiprun.runner.engine.gitrepo;

import dev.shiprun.masker.SecretMasker;
import dev.shiprun.model.GitRepoResource;
import dev.shiprun.model.Resource;
import dev.shiprun.model.env.GitRepoUrls;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.runner.engine.log.JobSecrets;
import dev.shiprun.runner.git.Git;
import dev.shiprun.runner.git.GitAuth;
import dev.shiprun.runner.git.GitMirrors;
import dev.shiprun.runner.store.NewVersion;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.StoredVersion;
import dev.shiprun.runner.store.VersionKind;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A gitRepo's versions, made by looking at its repository where Shippable waited for a webhook
 * (spec §1.4, §1.5, §3.7): the first look makes a version of the head of each branch it follows; a
 * later one makes a version for each branch head that moved ({@code buildOnCommit}, default true)
 * and each new tag ({@code buildOnTagPush}, default false). versionName is the commit SHA, the
 * commit's details are in {@code propertyBag.shaData}.
 *
 * <p>The network part ({@link #look}) runs outside any transaction; {@link #record} posts in one.
 */
public final class GitRepoVersions {

  /** What to tell the user about a repository. */
  public interface Report {
    void say(String resource, String text);
  }

  /** What a look found for one gitRepo: versions to post and the refs to remember. */
  record Found(String resource, List<NewVersion> versions, Map<String, String> refs) {}

  /**
   * What a look at every repository found, and per gitRepo whose look made no version, why not (the
   * repository could not be reached, or no branch of it is followed).
   */
  public record Looked(List<Found> found, Map<String, String> problems) {}

  private final GitMirrors mirrors;

  public GitRepoVersions(GitMirrors mirrors) {
    this.mirrors = mirrors;
  }

  /** The refs seen so far and whether a version exists, per gitRepo, read in one transaction. */
  public record Known(Map<String, Map<String, String>> refs, Map<String, Boolean> versioned) {}

  public static Known known(
      Connection c, Store store, String line, Collection<GitRepoResource> repos)
      throws SQLException {
    Map<String, Map<String, String>> refs = new LinkedHashMap<>();
    Map<String, Boolean> versioned = new LinkedHashMap<>();
    for (GitRepoResource r : repos) {
      refs.put(r.name(), store.versions().gitRefs(c, line, r.name()));
      versioned.put(r.name(), store.versions().latest(c, line, r.name()).isPresent());
    }
    return new Known(refs, versioned);
  }

  /** The gitRepos among {@code names}, in line order. */
  public static List<GitRepoResource> repos(AssemblyLine line, Collection<String> names) {
    List<GitRepoResource> out = new ArrayList<>();
    for (Resource r : line.resources()) {
      r.asGitRepo().filter(g -> names.contains(g.name())).ifPresent(out::add);
    }
    return out;
  }

  /**
   * Fetches each repository and decides its new versions. A repository that cannot be reached is
   * reported, and its jobs use the version they had (or fail to start when there is none). A URL
   * can carry a secret of any of the integrations (in its user-info, path or query) and no job's
   * masker runs here: what the look says is masked with the secrets of all of them.
   */
  public Looked look(
      String line,
      List<GitRepoResource> repos,
      Known known,
      Map<String, Integration> integrations,
      Report report) {
    List<Found> found = new ArrayList<>();
    Map<String, String> problems = new LinkedHashMap<>();
    UnaryOperator<String> mask = masker(integrations.values())::mask;
    GitMirrors masked = mirrors.masking(mask);
    for (GitRepoResource repo : repos) {
      Optional<Integration> integration = repo.integration().map(i -> integrations.get(i.name()));
      GitRepoUrls urls =
          GitRepoUrls.of(repo, repo.definition().text("sourceName").orElse(""), integration);
      Map<String, String> seen = known.refs().getOrDefault(repo.name(), Map.of());
      boolean versioned = known.versioned().getOrDefault(repo.name(), false);
      try {
        Path mirror = masked.refresh(urls.cloneUrl(), GitAuth.of(integration));
        found.add(decide(line, repo, urls, mirror, seen, versioned, problems, report, mask));
      } catch (IOException e) {
        String problem =
            mask.apply("cannot look at " + Git.display(urls.cloneUrl()) + ": " + e.getMessage());
        problems.put(repo.name(), problem);
        report.say(repo.name(), problem + (versioned ? "; its jobs use the version they had" : ""));
      }
    }
    return new Looked(found, problems);
  }

  /** A masker of every secret field value of {@code integrations}. */
  private static SecretMasker masker(Collection<Integration> integrations) {
    List<String> secrets = new ArrayList<>();
    JobSecrets.of(integrations).values().forEach(secrets::addAll);
    return new SecretMasker(secrets);
  }

  /** Posts the versions found and remembers the refs, in the caller's transaction. */
  public static List<StoredVersion> record(
      Connection c, Store store, String line, List<Found> found) throws SQLException {
    List<StoredVersion> posted = new ArrayList<>();
    for (Found f : found) {
      for (NewVersion v : f.versions()) {
        posted.add(store.versions().post(c, v));
      }
      store.versions().putGitRefs(c, line, f.resource(), f.refs());
    }
    return posted;
  }

  private Found decide(
      String line,
      GitRepoResource repo,
      GitRepoUrls urls,
      Path mirror,
      Map<String, String> seen,
      boolean versioned,
      Map<String, String> problems,
      Report report,
      UnaryOperator<String> mask)
      throws IOException {
    GitRepoFilter filter = GitRepoFilter.of(repo);
    Map<String, String> refs = new TreeMap<>();
    Map<String, String> heads = new TreeMap<>();
    Map<String, String> tags = new TreeMap<>();
    for (GitMirrors.Ref ref : mirrors.refs(mirror)) {
      if (ref.name().startsWith("refs/heads/")) {
        String branch = ref.name().substring("refs/heads/".length());
        heads.put(branch, ref.commit());
      } else if (ref.name().startsWith("refs/tags/")) {
        tags.put(ref.name().substring("refs/tags/".length()), ref.commit());
      }
    }
    List<String> branches = filter.branches(heads.keySet(), mirrors.defaultBranch(mirror));
    boolean first = seen.isEmpty();
    List<NewVersion> versions = new ArrayList<>();
    for (String branch : branches) {
      String ref = "refs/heads/" + branch;
      String head = heads.get(branch);
      refs.put(ref, head);
      String before = seen.get(ref);
      boolean moved = !head.equals(before);
      if (first ? !versioned : moved && filter.buildOnCommit()) {
        versions.add(version(line, repo, urls, mirror, branch, head, before, Optional.empty()));
      }
    }
    if (branches.isEmpty()) {
      String problem =
          mask.apply(
              "no branch of " + Git.display(urls.cloneUrl()) + " matches " + filter.describe());
      problems.put(repo.name(), problem);
      report.say(repo.name(), problem);
    }
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      if (!filter.followsTag(tag.getKey())) {
        continue;
      }
      String ref = "refs/tags/" + tag.getKey();
      refs.put(ref, tag.getValue());
      // Tags that were there on the first look were not pushed since: no version for them.
      if (!first && filter.buildOnTagPush() && !tag.getValue().equals(seen.get(ref))) {
        versions.add(
            version(
                line,
                repo,
                urls,
                mirror,
                tag.getKey(),
                tag.getValue(),
                null,
                Optional.of(tag.getKey())));
      }
    }
    if (!versions.isEmpty()) {
      report.say(
          repo.name(),
          versions.size()
              + (versions.size() == 1 ? " new commit" : " new commits")
              + " ("
              + String.join(
                  ", ",
                  versions.stream()
                      .map(
                          v ->
                              v.versionName().orElse("").substring(0, 12)
                                  + " "
                                  + shaData(v).get("branchName"))
                      .toList())
              + ")");
    }
    return new Found(repo.name(), versions, refs);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> shaData(NewVersion v) {
    return (Map<String, Object>) v.propertyBag().get("shaData");
  }

  private NewVersion version(
      String line,
      GitRepoResource repo,
      GitRepoUrls urls,
      Path mirror,
      String branch,
      String sha,
      String before,
      Optional<String> tag)
      throws IOException {
    GitMirrors.Commit commit = mirrors.commit(mirror, sha);
    Map<String, Object> shaData =
        ShaData.of(
            host(urls.httpsUrl()),
            branch,
            tag,
            commit.sha(),
            before,
            commit.message(),
            new Push.Person(commit.committerName(), commit.committerEmail(), ""),
            new Push.Person(commit.authorName(), commit.authorEmail(), ""));
    Map<String, Object> bag = new LinkedHashMap<>();
    bag.put("shaData", shaData);
    repo.definition().text("sourceName").ifPresent(s -> bag.put("sourceName", s));
    bag.put("yml", repo.yml());
    return new NewVersion(
        line,
        repo.name(),
        VersionKind.RESOURCE,
        Optional.of(commit.sha()),
        bag,
        Optional.empty(),
        OptionalLong.empty());
  }

  private static String host(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? "" : host;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
