package dev.shiprun.runner.git;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs the git command line. git never asks a question (no terminal prompt, no SSH password), a
 * command that hangs on the network is stopped after the time limit, and what git says in an error
 * is cut to its first verdict lines with any credentials removed.
 */
public final class Git {

  private static final Pattern USER_INFO = Pattern.compile("(\\w+://)[^/@\\s]+@");
  private static final int ERROR_LINES = 3;

  private final Duration limit;

  public Git(Duration limit) {
    this.limit = limit;
  }

  /** Runs {@code git args} in {@code dir}; returns its standard output. */
  public String run(Path dir, GitAuth auth, List<String> args) throws GitException {
    List<String> command = new ArrayList<>(args.size() + 1);
    command.add("git");
    command.addAll(args);
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Map<String, String> env = pb.environment();
    env.put("GIT_TERMINAL_PROMPT", "0");
    env.put("GIT_ASKPASS", "true");
    env.put("SSH_ASKPASS", "true");
    env.put("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
    env.put("LC_ALL", "C");
    env.remove("GIT_DIR");
    env.remove("GIT_WORK_TREE");
    env.putAll(auth.environment());
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new GitException(
          "cannot run git: " + e.getMessage() + "; install git (apt-get install git)");
    }
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    try {
      if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new GitException(
            "git " + args.get(0) + " took longer than " + limit.toSeconds() + " s and was stopped");
      }
      String stdout = out.join();
      if (p.exitValue() != 0) {
        throw new GitException(
            "git "
                + args.get(0)
                + " failed (exit "
                + p.exitValue()
                + "): "
                + clean(err.join(), auth));
      }
      return stdout;
    } catch (InterruptedException e) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new GitException("git " + args.get(0) + " was interrupted");
    }
  }

  /** Whether repository {@code repo} holds commit {@code sha}. */
  public boolean hasCommit(Path repo, String sha) {
    try {
      run(repo, GitAuth.NONE, List.of("cat-file", "-e", sha + "^{commit}"));
      return true;
    } catch (GitException e) {
      return false;
    }
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** The last lines git wrote, without user:password@ in URLs or any secret of the auth. */
  static String clean(String stderr, GitAuth auth) {
    List<String> lines = new ArrayList<>();
    for (String line : stderr.split("\n")) {
      if (!line.isBlank()) {
        lines.add(line.strip());
      }
    }
    // git's own verdict ("fatal: … does not appear to be a git repository") says most.
    List<String> verdicts =
        lines.stream().filter(l -> l.startsWith("fatal:") || l.startsWith("error:")).toList();
    List<String> shown = verdicts.isEmpty() ? lines : verdicts;
    shown = shown.subList(0, Math.min(ERROR_LINES, shown.size()));
    String text = shown.isEmpty() ? "no message" : String.join(" / ", shown);
    text = USER_INFO.matcher(text).replaceAll("$1***@");
    for (String secret : auth.secrets()) {
      text = text.replace(secret, "***");
    }
    return text;
  }

  /** A URL fit for messages: no user:password@. */
  public static String display(String url) {
    return USER_INFO.matcher(url).replaceAll("$1***@");
  }
}
