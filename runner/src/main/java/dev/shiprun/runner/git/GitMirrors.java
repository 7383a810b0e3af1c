package dev.shiprun.runner.git;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A bare mirror of each repository shiprun follows, under {@code <home>/git/}: polling fetches into
 * it, and a job's clone is a local copy of it, so a run clones without the network and many jobs
 * reading one repository fetch it once. One mirror per clone URL; a file lock keeps two shiprun
 * processes from fetching into the same mirror at once.
 */
public final class GitMirrors {

  /** A ref and the commit it points at (a tag's commit, not the tag object). */
  public record Ref(String name, String commit) {}

  /** What the version of a commit records about it. */
  public record Commit(
      String sha,
      String authorName,
      String authorEmail,
      String committerName,
      String committerEmail,
      String message) {}

  private final Path folder;
  private final Git git;

  public GitMirrors(Path folder, Git git) {
    this.folder = folder;
    this.git = git;
  }

  /** The same mirrors, git's error messages also masked by {@code mask} (a job's masker). */
  public GitMirrors masking(UnaryOperator<String> mask) {
    return new GitMirrors(folder, git.masking(mask));
  }

  /** The mirror of {@code url}: its folder name is a digest of the URL (no secret in a path). */
  public Path mirror(String url) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
      return folder.resolve(HexFormat.of().formatHex(digest, 0, 12) + ".git");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Clones the mirror the first time, fetches every branch and tag afterwards. */
  public Path refresh(String url, GitAuth auth) throws IOException {
    Files.createDirectories(folder);
    Path mirror = mirror(url);
    try (FileChannel lockFile =
            FileChannel.open(
                folder.resolve(mirror.getFileName() + ".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock ignored = lockFile.lock()) {
      if (Files.isDirectory(mirror)) {
        git.run(mirror, auth, List.of("fetch", "--quiet", "--prune", "--force", "origin"));
      } else {
        // Into a temporary folder first: a clone that fails half-way leaves no broken mirror.
        Path partial = Files.createTempDirectory(folder, "clone-");
        try {
          git.run(
              folder, auth, List.of("clone", "--quiet", "--mirror", "--", url, partial.toString()));
          Files.move(partial, mirror, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          deleteTree(partial);
        }
      }
    }
    return mirror;
  }

  /** Every branch and tag of the mirror, tags peeled to their commit. */
  public List<Ref> refs(Path mirror) throws GitException {
    String out =
        git.run(
            mirror,
            GitAuth.NONE,
            List.of(
                "for-each-ref",
                "--format=%(refname)%00%(objectname)%00%(*objectname)",
                "refs/heads",
                "refs/tags"));
    List<Ref> refs = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\0", -1);
      refs.add(new Ref(f[0], f.length > 2 && !f[2].isEmpty() ? f[2] : f[1]));
    }
    return refs;
  }

  /** The branch the repository's HEAD names, if it names one. */
  public Optional<String> defaultBranch(Path mirror) {
    try {
      String ref =
          git.run(mirror, GitAuth.NONE, List.of("symbolic-ref", "--quiet", "HEAD")).strip();
      return ref.startsWith("refs/heads/")
          ? Optional.of(ref.substring("refs/heads/".length()))
          : Optional.empty();
    } catch (GitException e) {
      return Optional.empty();
    }
  }

  public Commit commit(Path mirror, String sha) throws GitException {
    String out =
        git.run(
            mirror,
            GitAuth.NONE,
            List.of("show", "-s", "--format=%H%x00%an%x00%ae%x00%cn%x00%ce%x00%B", sha, "--"));
    String[] f = out.split("\0", 6);
    if (f.length < 6) {
      throw new GitException("git show " + sha + " gave no commit");
    }
    return new Commit(f[0], f[1], f[2], f[3], f[4], f[5].strip());
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
