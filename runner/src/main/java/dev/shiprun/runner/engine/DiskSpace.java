package dev.shiprun.runner.engine;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether the file system of the home is full: a job that filled it (its state, its build folder)
 * must still end on record, with the reason, rather than crash the runner. One {@code statvfs} per
 * question; the file store is looked up once.
 */
final class DiskSpace {

  /** Less than this left for the user counts as full: the store could not record a run's end. */
  static final long FULL_BELOW = 1024 * 1024;

  private static final String NO_SPACE = "no space left on device";

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
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && message.toLowerCase(Locale.ROOT).contains(NO_SPACE)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return full();
  }

  /** Whether a task's own reason for its end says the device was full. */
  static boolean says(String reason) {
    return reason.toLowerCase(Locale.ROOT).contains(NO_SPACE);
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
