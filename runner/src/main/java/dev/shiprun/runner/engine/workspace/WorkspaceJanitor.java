package dev.shiprun.runner.engine.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Clears finished build folders off the jobs' path. A folder is first renamed into this janitor's
 * own {@code <builds>/.trash/<pid>-<id>} (instant, and the next run of the job finds its place
 * free; several janitors work side by side in a daemon, and a CLI may share the home, so none
 * touches another's trash); one background thread then empties it down to its fixed sub-folders and
 * keeps it in {@code <builds>/.spare} for the next job to rename into place ({@link #takeSpare}),
 * or deletes it when enough spares wait.
 *
 * <p>Why spares: creating and deleting folders is slow on a file system mounted with {@code
 * discard}, every build folder has eight fixed ones, and this shows in the row "shiprun run: per
 * job" (docs/benchmarks.md, "Speed tricks and the rows they serve"); a folder made from scratch is
 * the oracle of {@code WorkspaceJanitorTest}. A spare holds only empty folders, nothing of the job
 * that used it. {@link #awaitDeletions} waits for the rest before the command ends, so no
 * integration file outlives the invocation.
 */
public final class WorkspaceJanitor {

  /** Spares kept for the next jobs (and the next command on this home). */
  static final int MAX_SPARES = 4;

  private final Path trashes;
  private final Path trash;
  private final Path spares;
  private final Queue<Path> ready = new ConcurrentLinkedQueue<>();
  private final ExecutorService deleter =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "shiprun-workspace-janitor");
            t.setDaemon(true);
            return t;
          });

  public WorkspaceJanitor(Path builds) {
    this.trashes = builds.resolve(".trash");
    this.trash =
        trashes.resolve(ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString());
    this.spares = builds.resolve(".spare");
    if (Files.isDirectory(spares)) {
      try (Stream<Path> left = Files.list(spares)) {
        left.limit(MAX_SPARES).forEach(ready::add);
      } catch (IOException | UncheckedIOException e) {
        // no spares then: build folders are made from scratch
      }
    }
    // What the janitors of crashed processes left goes now, not only when this one ends: a
    // daemon's janitor lives as long as the daemon.
    deleter.submit(
        () -> {
          try {
            clearTrashOfGoneOwners();
          } catch (IOException e) {
            // tried again when this janitor ends
          }
        });
  }

  /** A trash folder's owner ({@code <pid>-…}, or the single folder of older versions) is gone. */
  private static boolean ownerGone(String name) {
    int dash = name.indexOf('-');
    try {
      long pid = Long.parseLong(dash < 0 ? name : name.substring(0, dash));
      return ProcessHandle.of(pid).isEmpty();
    } catch (NumberFormatException e) {
      return true; // not a janitor's folder of this version: a crash of an older shiprun left it
    }
  }

  /** An emptied build folder to rename into place, when one is ready. */
  public Optional<Path> takeSpare() {
    return Optional.ofNullable(ready.poll());
  }

  public void retire(Workspace ws) {
    Optional<Path> target = moveAside(ws.root());
    if (target.isEmpty()) {
      ws.delete(); // cannot move it aside (another file system?): delete it here
      return;
    }
    deleter.submit(() -> recycle(target.get()));
  }

  /**
   * Renames {@code root} into this janitor's trash. A janitor clearing the trash (this one's
   * thread, or another process's) removes {@code .trash} when it finds it empty, which can fall
   * between making this janitor's folder in it and the rename: a folder that vanished is made
   * again.
   */
  private Optional<Path> moveAside(Path root) {
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        Files.createDirectories(trash);
        Path target = trash.resolve(UUID.randomUUID().toString());
        Files.move(root, target, StandardCopyOption.ATOMIC_MOVE);
        return Optional.of(target);
      } catch (NoSuchFileException gone) {
        // .trash went away between making and using it: make it again
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private void recycle(Path folder) {
    try {
      if (ready.size() >= MAX_SPARES || !Workspace.strip(folder)) {
        Workspace.deleteTree(folder);
        return;
      }
      Files.createDirectories(spares);
      Path spare = spares.resolve(folder.getFileName());
      Files.move(folder, spare, StandardCopyOption.ATOMIC_MOVE);
      ready.add(spare);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until every retired folder is emptied or gone (and clears what janitors of processes that
   * are gone left in the trash); spares stay for the next command. The janitor takes no more
   * folders after this; calling it again does nothing.
   */
  public void awaitDeletions() {
    if (deleter.isShutdown()) {
      return;
    }
    deleter.submit(
        () -> {
          try {
            Workspace.deleteTree(trash);
            clearTrashOfGoneOwners();
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

  /** What janitors of processes that are gone (a crash) left in the trash; the folder if empty. */
  private void clearTrashOfGoneOwners() throws IOException {
    if (!Files.isDirectory(trashes)) {
      return;
    }
    try (Stream<Path> all = Files.list(trashes)) {
      for (Path other : all.toList()) {
        if (ownerGone(other.getFileName().toString())) {
          Workspace.deleteTree(other);
        }
      }
    }
    try {
      Files.deleteIfExists(trashes);
    } catch (java.nio.file.DirectoryNotEmptyException inUse) {
      // another janitor's trash is in it: that janitor clears it
    }
  }
}
