package dev.shiprun.runner.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Deletes finished build folders off the jobs' path: a folder is first renamed into {@code
 * <builds>/.trash} (instant, and the next run of the job finds its place free), then deleted by one
 * background thread. Deleting took ~4 ms per job on this file system; a chain of jobs no longer
 * waits for it. {@link #awaitDeletions} waits for the rest before the command ends, so no
 * integration file outlives the invocation.
 */
final class WorkspaceJanitor {

  private final Path trash;
  private final ExecutorService deleter =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "shiprun-workspace-janitor");
            t.setDaemon(true);
            return t;
          });

  WorkspaceJanitor(Path builds) {
    this.trash = builds.resolve(".trash");
  }

  void retire(Workspace ws) {
    Path target;
    try {
      Files.createDirectories(trash);
      target = trash.resolve(UUID.randomUUID().toString());
      Files.move(ws.root(), target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      ws.delete(); // cannot move it aside (another file system?): delete it here
      return;
    }
    deleter.submit(
        () -> {
          try {
            Workspace.deleteTree(target);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** Waits until every retired folder is gone (and clears what an earlier crash left). */
  void awaitDeletions() {
    deleter.submit(
        () -> {
          try {
            Workspace.deleteTree(trash);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    deleter.shutdown();
    try {
      deleter.awaitTermination(5, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
