package dev.shiprun.runner.git;

import dev.shiprun.runner.exec.Command;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Runs the git command line through the exec layer ({@link Command}). git never asks a question (no
 * terminal prompt, no SSH password), a command that hangs on the network is stopped after the time
 * limit, and what git says in an error is cut to its first verdict lines with any credentials
 * removed; when git runs for a job, the job's masker masks that message too.
 */
public final class Git {

  private static final Pattern USER_INFO = Pattern.compile("(\\w+://)[^/@\\s]+@");
  private static final int ERROR_LINES = 3;

  /** What git gets in its environment: never a prompt, messages in English. */
  private static final Map<String, String> ENVIRONMENT =
      Map.of(
          "GIT_TERMINAL_PROMPT", "0",
          "GIT_ASKPASS", "true",
          "SSH_ASKPASS", "true",
          "GIT_SSH_COMMAND", "ssh -o BatchMode=yes",
          "LC_ALL", "C");

  /** What git must not take from shiprun's own environment. */
  private static final Set<String> UNSET = Set.of("GIT_DIR", "GIT_WORK_TREE");

  private final Duration limit;
  private final UnaryOperator<String> mask;

  public Git(Duration limit) {
    this(limit, UnaryOperator.identity());
  }

  private Git(Duration limit, UnaryOperator<String> mask) {
    this.limit = limit;
    this.mask = mask;
  }

  /** The same git, its error messages also masked by {@code mask} (a job's masker). */
  public Git masking(UnaryOperator<String> mask) {
    return new Git(limit, mask);
  }

  /** Runs {@code git args} in {@code dir}; returns its standard output. */
  public String run(Path dir, GitAuth auth, List<String> args) throws GitException {
    List<String> command = new ArrayList<>(args.size() + 1);
    command.add("git");
    command.addAll(args);
    Map<String, String> environment = new HashMap<>(ENVIRONMENT);
    environment.putAll(auth.environment());
    Command.Result result;
    try {
      result = new Command(command, dir, environment, UNSET, limit).run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitException("git " + args.get(0) + " was interrupted");
    }
    if (result instanceof Command.Result.Exited exited && exited.code() == 0) {
      return exited.stdout();
    }
    if (result instanceof Command.Result.TimedOut) {
      throw new GitException(
          "git " + args.get(0) + " took longer than " + limit.toSeconds() + " s and was stopped");
    }
    if (result instanceof Command.Result.NotStarted notStarted) {
      throw new GitException(
          mask.apply(
              "cannot run git: " + notStarted.reason() + "; install git (apt-get install git)"));
    }
    Command.Result.Exited failed = (Command.Result.Exited) result;
    throw new GitException(
        mask.apply(
            "git "
                + args.get(0)
                + " failed (exit "
                + failed.code()
                + "): "
                + clean(failed.stderr(), auth)));
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
