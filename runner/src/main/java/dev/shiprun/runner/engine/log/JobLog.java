package dev.shiprun.runner.engine.log;

import dev.shiprun.masker.OutputLines;
import dev.shiprun.masker.OutputLines.Intake;
import dev.shiprun.masker.SecretMasker;
import dev.shiprun.runner.exec.OutputSink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one output boundary of a run: every byte a job prints (tasks, hooks) and every line the
 * runner writes about it goes through the masker, then to the stored log and, when asked, to the
 * console. Nothing reaches a sink unmasked.
 *
 * <p>A process's stdout and stderr come as bytes: each channel is one {@link OutputLines}, kept
 * across the job's scripts, that masks the bytes as they are (decoding and encoding every line cost
 * most of a masking pipe's time) where the pump read them, in the channel's own buffer ({@link
 * #intake}), and writes whole lines to the log, flushed per write. A line cut for its length is
 * still masked across the cut. Lines are made into Strings only for a live listener that shows
 * them. The runner's own lines are masked one by one ({@link SecretMasker#mask}).
 */
public final class JobLog implements OutputSink, AutoCloseable {

  /** How {@code shipctl mask} hands a value to the runner: this, then the value in base64. */
  static final String MASK_CONTROL = "::shiprun-mask::";

  private static final byte[] CONTROL_BYTES = MASK_CONTROL.getBytes(StandardCharsets.UTF_8);

  private final String job;
  private final SecretMasker masker;
  private final Map<Channel, OutputLines> channels = new EnumMap<>(Channel.class);
  private final Path path;
  private OutputStream file;
  private final LiveOutput listener;
  private final Stored stored = new Stored();
  private final Set<String> registered = new HashSet<>();

  /** A value was registered after lines were written: those lines may hold it. */
  private boolean learntLate;

  private boolean wroteAny;

  /** Bytes written to the stored log so far: where the next line starts. */
  private long length;

  /** A write to the stored log failed (a full disk): what follows may be missing from it. */
  private boolean lost;

  public JobLog(Path file, String job, SecretMasker masker, LiveOutput listener)
      throws IOException {
    Files.createDirectories(file.getParent());
    this.file =
        new BufferedOutputStream(
            Files.newOutputStream(
                Files.createFile(
                    file,
                    PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------"))),
                StandardOpenOption.WRITE),
            OutputLines.READ_BYTES);
    this.path = file;
    this.job = job;
    this.masker = masker;
    this.listener = listener;
  }

  /** Masks and writes under the log's lock: one channel's lines never split another's. */
  @Override
  public synchronized void write(Channel channel, byte[] bytes, int off, int len) {
    try {
      lines(channel).write(bytes, off, len);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The channel's own buffer: the pump reads into it and the masker scans it there. */
  @Override
  public synchronized Optional<Intake> intake(Channel channel) {
    return Optional.of(lines(channel).intake());
  }

  @Override
  public synchronized void filled(Channel channel, Intake intake, int count) {
    try {
      lines(channel).filled(intake, count);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void end(Channel channel) {
    try {
      lines(channel).finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A value {@code shipctl mask} registered: masked from now on in both channels (it sends the line
   * to each, so output after the call is covered whichever way it goes). The line itself is shown
   * nowhere.
   */
  private void register(String encoded) {
    String value;
    try {
      value = new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      write("[shiprun] a shipctl mask line that is not base64 was dropped");
      return;
    }
    if (value.isEmpty() || !registered.add(value)) {
      return;
    }
    if (!SecretMasker.maskable(value)) {
      write(
          "[shiprun] a value given to shipctl mask is shorter than "
              + SecretMasker.MIN_LENGTH
              + " characters and is not masked");
    }
    learntLate |= wroteAny;
    masker.add(value);
  }

  /**
   * Fail closed: finds the lines of the stored log that hold a secret form the masker did not know
   * when they were written, and masks them there. Says where (line numbers), never what.
   */
  public synchronized List<String> scrub(LeakCheck check) throws IOException {
    if (!learntLate) {
      return List.of(); // every line was masked with every secret there was: nothing to find
    }
    file.close();
    try {
      return check.scrub(path);
    } finally {
      file =
          new BufferedOutputStream(
              Files.newOutputStream(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
              OutputLines.READ_BYTES);
    }
  }

  /** Where the next line of the stored log starts (a mark for {@link #since}). */
  public synchronized long length() {
    return length;
  }

  /**
   * The stored log from {@code mark} on, as stored (masked), at most its last {@code maxBytes}
   * (from the start of a line): the end of what a step printed, read back after it failed.
   */
  public synchronized String since(long mark, int maxBytes) throws IOException {
    file.flush();
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long end = channel.size();
      long start = Math.max(mark, end - maxBytes);
      if (start >= end) {
        return "";
      }
      ByteBuffer bytes = ByteBuffer.allocate((int) (end - start));
      while (bytes.hasRemaining() && channel.read(bytes, start + bytes.position()) > 0) {
        // read on until full
      }
      String text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
      int firstLineEnd = text.indexOf('\n');
      return start > mark && firstLineEnd >= 0 ? text.substring(firstLineEnd + 1) : text;
    }
  }

  public SecretMasker masker() {
    return masker;
  }

  /**
   * A line of the runner's own about this run (what failed, what was killed). Never throws: when
   * the log cannot be written (a full disk) the run must still end on record, with its reason.
   */
  public synchronized void runner(String text) {
    try {
      write("[shiprun] " + masker.mask(text));
    } catch (UncheckedIOException e) {
      // remembered in lost: the run's end says why, not the log
    }
  }

  private OutputLines lines(Channel channel) {
    return channels.computeIfAbsent(
        channel,
        c ->
            new OutputLines(
                masker.byteStream(),
                stored,
                MAX_LINE_BYTES,
                CONTROL_BYTES,
                (text, off, len) -> register(new String(text, off, len, StandardCharsets.UTF_8))));
  }

  private void write(String masked) {
    try {
      stored.write((masked + "\n").getBytes(StandardCharsets.UTF_8));
      stored.flush();
    } catch (IOException e) {
      lost = true;
      throw new UncheckedIOException(e);
    }
  }

  /** What a channel still holds (a line that never ended) is written, masked, before the end. */
  @Override
  public synchronized void close() throws IOException {
    try {
      for (OutputLines lines : channels.values()) {
        lines.finish();
      }
    } catch (IOException | UncheckedIOException e) {
      // lost is set: the run ended with that failure
    } finally {
      try {
        file.close();
      } catch (IOException e) {
        if (!lost) {
          throw e;
        }
        // the first failed write ended the run already; its end is on record
      }
      listener.masked(job, channels.values().stream().mapToLong(OutputLines::masked).sum());
    }
  }

  /**
   * The stored log, and the listener after it: whole lines come in; on a flush the file is flushed,
   * then the listener hears of the lines (as Strings, only if it shows them), so that the stored
   * log holds every line before a follower hears of it.
   */
  private final class Stored extends OutputStream {
    private final List<String> heard = new ArrayList<>();

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      wroteAny = true;
      try {
        file.write(b, off, len);
      } catch (IOException e) {
        lost = true;
        throw e;
      }
      length += len;
      if (listener.showsLines()) {
        for (int start = off, i = off; i < off + len; i++) {
          if (b[i] == '\n') {
            heard.add(new String(b, start, i - start, StandardCharsets.UTF_8));
            start = i + 1;
          }
        }
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        file.flush();
      } catch (IOException e) {
        lost = true;
        throw e;
      }
      for (String line : heard) {
        listener.line(job, line);
      }
      heard.clear();
    }
  }
}
