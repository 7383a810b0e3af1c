package dev.shiprun.runner.engine.gitrepo;

import dev.shiprun.model.GitRepoResource;
import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.Resource;
import dev.shiprun.model.env.GitRepoUrls;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.runner.engine.log.JobLog;
import dev.shiprun.runner.engine.version.RunInputs;
import dev.shiprun.runner.engine.workspace.Workspace;
import dev.shiprun.runner.git.Git;
import dev.shiprun.runner.git.GitAuth;
import dev.shiprun.runner.git.GitException;
import dev.shiprun.runner.git.GitMirrors;
import dev.shiprun.runner.store.StoredVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The gitRepo IN handler (spec §1.6 step 9, §3.7): the repository at the version's commit in {@code
 * IN/<name>/gitRepo} ({@code <NAME>_STATE}), on a branch named as the commit's branch (a tag's
 * commit detached), {@code origin} pointing at the repository itself so a script can fetch or push.
 * The copy comes from the local mirror; {@code depth} in the YAML makes it shallow.
 */
public final class GitRepoClone {

  private final GitMirrors mirrors;
  private final Git git;

  public GitRepoClone(GitMirrors mirrors, Git git) {
    this.mirrors = mirrors;
    this.git = git;
  }

  public void cloneInputs(
      Workspace ws,
      AssemblyLine line,
      Job job,
      RunInputs inputs,
      Map<String, Integration> integrations,
      JobLog log)
      throws IOException {
    // A git message can carry a URL with a token in it: the job's masker masks what it says.
    UnaryOperator<String> mask = log.masker()::mask;
    for (InStep in : job.ins()) {
      Optional<GitRepoResource> gitRepo = line.resource(in.name()).flatMap(Resource::asGitRepo);
      if (gitRepo.isEmpty()) {
        continue;
      }
      GitRepoResource repo = gitRepo.get();
      Optional<StoredVersion> version = inputs.of(repo.name());
      Optional<Map<?, ?>> shaData = version.flatMap(GitRepoClone::shaData);
      Optional<String> sha = shaData.map(s -> s.get("commitSha")).map(String::valueOf);
      if (sha.isEmpty() || sha.get().isEmpty()) {
        // A version a job posted without a commit (no replicate): nothing to check out.
        log.runner("gitRepo " + repo.name() + ": its version names no commit; nothing cloned");
        continue;
      }
      Optional<Integration> integration = repo.integration().map(i -> integrations.get(i.name()));
      GitRepoUrls urls =
          GitRepoUrls.of(repo, repo.definition().text("sourceName").orElse(""), integration);
      boolean tag = Boolean.parseBoolean(String.valueOf(shaData.get().get("isGitTag")));
      String branch = String.valueOf(shaData.get().get("branchName"));
      Path into = ws.dependency("IN", repo.name()).resolve(repo.type());
      try {
        checkout(
            mirrors.masking(mask),
            git.masking(mask),
            repo,
            urls.cloneUrl(),
            GitAuth.of(integration),
            sha.get(),
            tag,
            branch,
            into);
      } catch (GitException e) {
        throw new GitException(
            mask.apply(
                "cannot clone gitRepo '"
                    + repo.name()
                    + "' at "
                    + sha.get()
                    + " from "
                    + Git.display(urls.cloneUrl())
                    + ": "
                    + e.getMessage()));
      }
      log.runner(
          "cloned "
              + repo.name()
              + " at "
              + sha.get()
              + (tag ? " (tag " + branch + ")" : " (" + branch + ")"));
    }
  }

  private static void checkout(
      GitMirrors mirrors,
      Git git,
      GitRepoResource repo,
      String url,
      GitAuth auth,
      String sha,
      boolean tag,
      String branch,
      Path into)
      throws IOException {
    Path mirror = mirrors.mirror(url);
    if (!Files.isDirectory(mirror) || !git.hasCommit(mirror, sha)) {
      mirror = mirrors.refresh(url, auth);
    }
    Files.createDirectories(into);
    Optional<Integer> depth = depth(repo);
    List<String> clone = new ArrayList<>(List.of("clone", "--quiet", "--no-checkout"));
    if (depth.isPresent()) {
      // A shallow copy of a local repository needs the file:// transport.
      clone.addAll(List.of("--depth", depth.get().toString(), "--no-single-branch"));
      clone.addAll(List.of("--", mirror.toUri().toString(), into.toString()));
    } else {
      clone.addAll(List.of("--", mirror.toString(), into.toString()));
    }
    git.run(into.getParent(), GitAuth.NONE, clone);
    if (depth.isPresent() && !git.hasCommit(into, sha)) {
      git.run(
          into,
          GitAuth.NONE,
          List.of("fetch", "--quiet", "--depth", depth.get().toString(), "origin", sha));
    }
    List<String> checkout =
        tag
            ? List.of("checkout", "--quiet", "--detach", sha)
            : List.of("checkout", "--quiet", "-B", branch, sha);
    git.run(into, GitAuth.NONE, checkout);
    git.run(into, GitAuth.NONE, List.of("remote", "set-url", "origin", url));
  }

  private static Optional<Integer> depth(GitRepoResource repo) {
    return repo.definition()
        .text("depth")
        .or(() -> repo.definition().text("shallowDepth"))
        .flatMap(
            d -> {
              try {
                int n = Integer.parseInt(d.strip());
                return n > 0 ? Optional.of(n) : Optional.empty();
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }

  public static Optional<Map<?, ?>> shaData(StoredVersion v) {
    return v.propertyBag().get("shaData") instanceof Map<?, ?> m
        ? Optional.of(m)
        : Optional.empty();
  }
}
