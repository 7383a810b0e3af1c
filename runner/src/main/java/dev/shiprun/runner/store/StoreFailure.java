package dev.shiprun.runner.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a failure of the H2 store means for the user: a connection another process took away (to be
 * tried again), a full disk, a folder this user may not read or write. The messages name the path
 * and what to do.
 */
public final class StoreFailure {

  /**
   * H2's codes for a connection that is gone or a database that is being handed over: the process
   * that served the home's database (AUTO_SERVER) ended, or its database closed after an error.
   */
  private static final Set<Integer> LOST =
      Set.of(
          90007, // OBJECT_CLOSED
          90020, // DATABASE_ALREADY_OPEN_1: the owner is ending, its lock not yet released
          90067, // CONNECTION_BROKEN_1
          90098, // DATABASE_IS_CLOSED
          90121, // DATABASE_CALLED_AT_SHUTDOWN: the serving JVM is exiting
          90135); // DATABASE_IS_IN_EXCLUSIVE_MODE: the serving process compacts as it closes

  private static final String NO_SPACE = "no space left on device";

  private StoreFailure() {}

  /**
   * Whether a new connection may succeed where this one failed: the connection was lost, or the
   * database closed (H2 closes it after a failed write, a full disk among them: once room is made,
   * it opens again).
   */
  static boolean connectionLost(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException e
          && (LOST.contains(e.getErrorCode())
              || (e.getSQLState() != null && e.getSQLState().startsWith("08")))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** Whether the operating system said the device is full somewhere in the chain. */
  public static boolean noSpace(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null && saysNoSpace(t.getMessage())) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** Whether a message (an exception's, a task's reason) says the device is full. */
  public static boolean saysNoSpace(String message) {
    return message.toLowerCase(Locale.ROOT).contains(NO_SPACE);
  }

  /** Whether H2 said the database is read-only (a read-only file system or files). */
  static boolean readOnly(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if ((t instanceof SQLException e && e.getErrorCode() == 90097)
          || message.contains("AUTO_SERVER=TRUE && (readOnly")
          || message.contains("Read-only file system")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** Whether access to a file was refused in the chain. */
  static boolean accessDenied(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof AccessDeniedException
          || String.valueOf(t.getMessage()).contains("Permission denied")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * Why this user cannot use the store folder of {@code home}, checked before H2 opens it (H2
   * prints stack traces for a folder it cannot write its trace into); empty when it can.
   */
  static Optional<String> checkAccess(Path home, Path folder) {
    if (Files.isDirectory(home) && !(Files.isReadable(home) && Files.isExecutable(home))) {
      return Optional.of(unreadable(home));
    }
    if (Files.isDirectory(folder)) {
      if (!Files.isReadable(folder) || !Files.isExecutable(folder)) {
        return Optional.of(unreadable(folder));
      }
      for (String file : new String[] {"shiprun.mv.db", "shiprun.lock.db"}) {
        Path f = folder.resolve(file);
        if (Files.exists(f) && !Files.isReadable(f)) {
          return Optional.of(unreadable(f));
        }
      }
    }
    if ((Files.isDirectory(home) && !writable(home))
        || (Files.isDirectory(folder) && !writable(folder))) {
      return Optional.of(readOnlyHome(home));
    }
    Path db = folder.resolve("shiprun.mv.db");
    if (Files.exists(db) && !Files.isWritable(db)) {
      return Optional.of(readOnlyHome(home));
    }
    return Optional.empty();
  }

  private static boolean writable(Path dir) {
    return Files.isWritable(dir) && Files.isExecutable(dir);
  }

  static String unreadable(Path path) {
    return "cannot read "
        + path
        + ": permission denied for user "
        + user()
        + "; give that user access (chown -R "
        + user()
        + " "
        + path
        + ", or chmod -R u+rwX "
        + path
        + ") or use another --home";
  }

  static String readOnlyHome(Path home) {
    if (onReadOnlyFileSystem(home)) {
      return "the home "
          + home
          + " is on a read-only file system (shiprun writes its store, build folders and logs"
          + " there); remount it read-write or give a writable --home or SHIPRUN_HOME";
    }
    return "the home "
        + home
        + " is read-only for user "
        + user()
        + " (shiprun writes its store, build folders and logs there); make it writable"
        + " (chmod -R u+rwX "
        + home
        + ") or give a writable --home or SHIPRUN_HOME";
  }

  /**
   * Whether the home's file system refuses writes to everyone (EROFS). Asked by trying: the JDK's
   * file store of a read-only bind mount is the file system it was bound from, which is writable.
   */
  private static boolean onReadOnlyFileSystem(Path home) {
    try {
      Files.delete(Files.createTempFile(home, ".shiprun-write-check", ""));
      return false;
    } catch (IOException e) {
      return String.valueOf(e.getMessage()).contains("Read-only file system");
    }
  }

  static String noSpaceLeft(Path home) {
    return "no space left on device: the file system of the home "
        + home
        + " is full; free space there or give a --home on a larger device";
  }

  static String firstLine(Throwable e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** The user shiprun runs as, for the fix in a message. */
  private static String user() {
    return System.getProperty("user.name", "the current user");
  }

  /** For an {@link IOException} while making the store folder. */
  static String cannotCreate(Path home, Path folder, IOException e) {
    if (e instanceof AccessDeniedException || readOnly(e)) {
      return readOnlyHome(home);
    }
    if (noSpace(e)) {
      return noSpaceLeft(home);
    }
    return "cannot create the store folder "
        + folder
        + " ("
        + e.getClass().getSimpleName().replace("Exception", "")
        + ": "
        + e.getMessage()
        + "); give a writable --home or SHIPRUN_HOME";
  }
}
