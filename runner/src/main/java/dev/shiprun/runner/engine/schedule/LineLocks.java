package dev.shiprun.runner.engine.schedule;

import dev.shiprun.runner.store.Run;
import dev.shiprun.runner.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One run of a line at a time on a home, across processes (two {@code shiprun run}, a CLI and a
 * daemon): an OS file lock on {@code <home>/locks/<line>.lock}, held while a {@link LineRunner}
 * runs the line. The operating system drops it when its process dies, so a crash never leaves a
 * line locked. What a run reads and numbers — the YAML and gitRepo versions, build numbers, the
 * previous state of each job — is read under it, so two runs never read the same previous state.
 *
 * <p>POSIX locks belong to the process, and closing any channel of a file releases the process's
 * lock on it. So each line's file is opened once here and kept open (the lock taken, released and
 * its holder read through that one channel) until the engine closes; and the lines held are kept
 * here, so a second run of a line in the same process waits here without touching the file. One
 * engine per home per process (a command, a daemon) holds these locks.
 */
final class LineLocks implements AutoCloseable {

  /** The longest pause between two looks at a lock another process holds. */
  private static final long MAX_PAUSE_MILLIS = 200;

  private final Path folder;
  private final Store store;
  private final Set<String> held = new HashSet<>();

  /** One open channel per line this process ran, guarded by {@code held}. */
  private final Map<String, FileChannel> channels = new HashMap<>();

  LineLocks(Path home, Store store) {
    this.folder = home.resolve("locks");
    this.store = store;
  }

  /** A line held by this process until {@link #close}. */
  final class Held implements AutoCloseable {
    private final String line;
    private final FileLock lock;

    private Held(String line, FileLock lock) {
      this.line = line;
      this.lock = lock;
    }

    @Override
    public void close() {
      synchronized (held) {
        try {
          lock.release();
        } catch (IOException e) {
          // the channel stays open; the lock goes with it when the engine closes
        } finally {
          held.remove(line);
          held.notifyAll();
        }
      }
    }
  }

  /**
   * Takes {@code line}, waiting while another run of it (in this or another process) holds it; says
   * once to {@code waiting} whose run it waits for. Empty when {@code cancelled} turned true (or
   * the thread was interrupted) while it waited.
   */
  Optional<Held> take(String line, BooleanSupplier cancelled, Consumer<String> waiting) {
    boolean told = false;
    long pause = 10;
    while (!cancelled.getAsBoolean()) {
      OptionalLong holder;
      synchronized (held) {
        if (held.contains(line)) {
          holder = OptionalLong.of(ProcessHandle.current().pid());
        } else {
          try {
            FileChannel channel = channel(line);
            FileLock lock = tryLock(channel);
            if (lock != null) {
              held.add(line);
              writeOwner(channel);
              return Optional.of(new Held(line, lock));
            }
            holder = readOwner(channel);
          } catch (IOException e) {
            throw new UncheckedIOException(
                "cannot use the line lock "
                    + folder.resolve(fileName(line))
                    + ": "
                    + e.getMessage(),
                e);
          }
        }
      }
      // The holder writes its pid just after it takes the lock: a waiter that read none yet says
      // so only once its pauses have grown, so the line it shows names the holder.
      if (!told && (holder.isPresent() || pause >= MAX_PAUSE_MILLIS)) {
        waiting.accept(describe(line, holder));
        told = true;
      }
      try {
        synchronized (held) {
          held.wait(pause); // a release in this process wakes it at once
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
      pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
    }
    return Optional.empty();
  }

  private FileChannel channel(String line) throws IOException {
    FileChannel channel = channels.get(line);
    if (channel == null) {
      Files.createDirectories(folder);
      channel =
          FileChannel.open(
              folder.resolve(fileName(line)),
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      channels.put(line, channel);
    }
    return channel;
  }

  /** Null when another process holds it, or another engine of this process (tests). */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldByAnotherEngineHere) {
      return null;
    }
  }

  /** Closes the lines' files: after the last line run on this engine. */
  @Override
  public void close() {
    synchronized (held) {
      for (FileChannel channel : channels.values()) {
        try {
          channel.close();
        } catch (IOException e) {
          // the process ends or the engine is gone: the locks go with it
        }
      }
      channels.clear();
    }
  }

  /**
   * The holder's pid in the file, for whoever waits: who holds the line. Only a courtesy to the
   * waiting message: a full disk that refuses it changes nothing else.
   */
  private static void writeOwner(FileChannel channel) {
    try {
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
          0);
    } catch (IOException e) {
      // the waiting message names no pid then
    }
  }

  private static OptionalLong readOwner(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(32);
    channel.read(buffer, 0);
    String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
    try {
      return OptionalLong.of(Long.parseLong(text.strip()));
    } catch (NumberFormatException notYetWritten) {
      return OptionalLong.empty();
    }
  }

  /**
   * The waiting line: the holder's newest processing run of the line when the store has one (a run
   * between two jobs, or still reading versions, has none yet), else the holder's pid.
   */
  private String describe(String line, OptionalLong holder) {
    Optional<Run> run =
        holder.isPresent()
            ? store.transaction(c -> store.runs().processingOf(c, line, holder.getAsLong()))
            : Optional.empty();
    String who = holder.isPresent() ? " (pid " + holder.getAsLong() + ")" : "";
    String rule = ": one run of a line at a time on a home";
    return run.map(
            r ->
                "for run "
                    + r.id()
                    + " of line "
                    + line
                    + who
                    + " to end ("
                    + r.job()
                    + " #"
                    + r.buildNumber()
                    + ")"
                    + rule)
        .orElse("for another run of line " + line + who + " to end" + rule);
  }

  /** The line's name as a file name: letters, digits, '.', '_' and '-' kept, the rest %XX. */
  static String fileName(String line) {
    StringBuilder out = new StringBuilder();
    for (byte b : line.getBytes(StandardCharsets.UTF_8)) {
      char ch = (char) (b & 0xff);
      if ((ch >= 'a' && ch <= 'z')
          || (ch >= 'A' && ch <= 'Z')
          || (ch >= '0' && ch <= '9')
          || ch == '_'
          || ch == '-'
          || (ch == '.' && out.length() > 0)) {
        out.append(ch);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.append(".lock").toString();
  }
}
