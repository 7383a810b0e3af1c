package dev.shiprun.runner.ci;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real git repository a test commits files to. */
public final class TestRepo {

  private final Path dir;

  private TestRepo(Path dir) {
    this.dir = dir;
  }

  /** A new repository in {@code dir} on branch main. */
  public static TestRepo init(Path dir) throws IOException {
    Files.createDirectories(dir);
    TestRepo repo = new TestRepo(dir);
    repo.git("init", "-q", "-b", "main");
    return repo;
  }

  public Path dir() {
    return dir;
  }

  /** Commits {@code files} (name → text); returns the commit's sha. */
  public String commit(Map<String, String> files, String message) throws IOException {
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path file = dir.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, f.getValue());
    }
    git("add", "-A");
    git(
        "-c",
        "user.name=Ada Tester",
        "-c",
        "user.email=ada@example.com",
        "commit",
        "-q",
        "-m",
        message);
    return git("rev-parse", "HEAD").strip();
  }

  private String git(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("git " + List.of(args) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return out;
  }
}
