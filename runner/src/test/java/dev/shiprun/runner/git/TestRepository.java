package dev.shiprun.runner.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real git repository for tests: a bare repository (what a gitRepo points at) and a work tree
 * that commits and pushes to it, with a made-up author and fixed dates.
 */
public final class TestRepository {

  public static final String AUTHOR = "Test Author";
  public static final String EMAIL = "author@example.com";

  private final Path bare;
  private final Path work;
  private int commits;

  private TestRepository(Path bare, Path work) {
    this.bare = bare;
    this.work = work;
  }

  /** A repository whose default branch is {@code main}, with one commit of {@code file}. */
  public static TestRepository create(Path folder, String file, String content) throws IOException {
    Path bare = folder.resolve("origin.git");
    Path work = folder.resolve("work");
    Files.createDirectories(folder);
    git(folder, "init", "--quiet", "--bare", "--initial-branch=main", bare.toString());
    git(folder, "init", "--quiet", "--initial-branch=main", work.toString());
    git(work, "remote", "add", "origin", bare.toString());
    TestRepository repo = new TestRepository(bare, work);
    repo.commit(file, content, "first commit");
    return repo;
  }

  /** The bare repository: what a gitRepo's sourceUrl names. */
  public Path bare() {
    return bare;
  }

  /** The work tree, a clone of {@link #bare()} with that as its remote {@code origin}. */
  public Path work() {
    return work;
  }

  /** Writes {@code file}, commits on the current branch, pushes it; returns the commit SHA. */
  public String commit(String file, String content, String message) throws IOException {
    Path f = work.resolve(file);
    Files.createDirectories(f.getParent());
    Files.writeString(f, content, StandardCharsets.UTF_8);
    run(work, "add", "--all");
    commits++;
    run(work, "commit", "--quiet", "-m", message);
    String branch = run(work, "rev-parse", "--abbrev-ref", "HEAD").strip();
    run(work, "push", "--quiet", "origin", branch);
    return head();
  }

  public String head() throws IOException {
    return run(work, "rev-parse", "HEAD").strip();
  }

  /** Starts branch {@code name} at the current commit (pushed, checked out). */
  public void branch(String name) throws IOException {
    run(work, "checkout", "--quiet", "-b", name);
    run(work, "push", "--quiet", "origin", name);
  }

  public void checkout(String name) throws IOException {
    run(work, "checkout", "--quiet", name);
  }

  /** An annotated tag on the current commit, pushed. */
  public void tag(String name) throws IOException {
    run(work, "tag", "-a", "-m", "release " + name, name);
    run(work, "push", "--quiet", "origin", name);
  }

  private String run(Path dir, String... args) throws IOException {
    return git(dir, commits, args);
  }

  private static String git(Path dir, String... args) throws IOException {
    return git(dir, 0, args);
  }

  private static String git(Path dir, int tick, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    String date = "2026-01-01T00:00:" + String.format("%02d", tick % 60) + "Z";
    pb.environment()
        .putAll(
            Map.of(
                "GIT_AUTHOR_NAME", AUTHOR,
                "GIT_AUTHOR_EMAIL", EMAIL,
                "GIT_COMMITTER_NAME", AUTHOR,
                "GIT_COMMITTER_EMAIL", EMAIL,
                "GIT_AUTHOR_DATE", date,
                "GIT_COMMITTER_DATE", date,
                "GIT_CONFIG_NOSYSTEM", "1",
                "GIT_CONFIG_GLOBAL", "/dev/null"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (p.waitFor() != 0) {
        throw new IOException("git " + String.join(" ", args) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return out;
  }
}
