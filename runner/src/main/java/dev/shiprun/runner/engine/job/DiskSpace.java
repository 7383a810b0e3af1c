package dev.shiprun.runner.engine.job;

import dev.shiprun.runner.store.StoreFailure;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the file system of the home is full: a job that filled it (its state, its build folder)
 * must still end on record, with the reason, rather than crash the runner. One {@code statvfs} per
 * question; the file store is looked up once.
 */
final class DiskSpace {

  /** Less than this left for the user counts as full: the store could not record a run's end. */
  static final long FULL_BELOW = 1024 * 1024;

  private final Path home;
  private volatile FileStore fileStore;

  DiskSpace(Path home) {
    this.home = home;
  }

  /** Whether the home's file system has less than {@link #FULL_BELOW} left; false if unknown. */
  boolean full() {
    try {
      return store().getUsableSpace() < FULL_BELOW;
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether {@code full()}, or the system said so somewhere in {@code failure}'s chain. */
  boolean full(Throwable failure) {
    return StoreFailure.noSpace(failure) || full();
  }

  /** Whether a task's own reason for its end says the device was full. */
  static boolean says(String reason) {
    return StoreFailure.saysNoSpace(reason);
  }

  /**
   * The run's reason: the rule (the device is full), where, what shiprun did ({@code removed}: the
   * job's build folder was deleted to make room), and the fix.
   */
  String reason(boolean removed) {
    return "no space left on device: the file system of the home "
        + home
        + " is full"
        + (removed ? "; the job's build folder was removed so that its end could be recorded" : "")
        + "; free space there or give a --home on a larger device";
  }

  private FileStore store() throws IOException {
    FileStore found = fileStore;
    if (found == null) {
      found = Files.getFileStore(home);
      fileStore = found;
    }
    return found;
  }
}
