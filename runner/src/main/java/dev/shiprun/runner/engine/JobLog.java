package dev.shiprun.runner.engine;

import dev.shiprun.model.mask.MaskingStream;
import dev.shiprun.model.mask.SecretMasker;
import dev.shiprun.runner.exec.OutputSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one output boundary of a run: every line a job prints (tasks, hooks) and every line the
 * runner writes about it goes through the masker, then to the stored log and, when asked, to the
 * console. Nothing reaches a sink unmasked.
 *
 * <p>The job's stdout and stderr are each one masking stream, kept across its scripts: a line cut
 * for its length arrives in pieces, and a secret across the cut is still masked (the end of a piece
 * that could be the start of a secret waits for the next piece). The runner's own lines are masked
 * one by one.
 */
final class JobLog implements OutputSink, AutoCloseable {

  /** How {@code shipctl mask} hands a value to the runner: this, then the value in base64. */
  static final String MASK_CONTROL = "::shiprun-mask::";

  private final String job;
  private final SecretMasker masker;
  private final Map<Channel, MaskingStream> streams = new EnumMap<>(Channel.class);
  private final Path path;
  private BufferedWriter file;
  private final LiveOutput listener;
  private final Set<String> registered = new HashSet<>();

  /** A value was registered after lines were written: those lines may hold it. */
  private boolean learntLate;

  private boolean wroteAny;

  JobLog(Path file, String job, SecretMasker masker, LiveOutput listener) throws IOException {
    Files.createDirectories(file.getParent());
    this.file =
        Files.newBufferedWriter(
            Files.createFile(
                file,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
            StandardCharsets.UTF_8,
            StandardOpenOption.WRITE);
    this.path = file;
    this.job = job;
    this.masker = masker;
    this.listener = listener;
  }

  @Override
  public synchronized void line(Channel channel, String text) {
    if (text.startsWith(MASK_CONTROL)) {
      register(text.substring(MASK_CONTROL.length()));
      return;
    }
    write(stream(channel).line(text));
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

  /** Stored and shown as a line, as it was cut, less what may be the start of a secret. */
  @Override
  public synchronized void piece(Channel channel, String text) {
    write(stream(channel).write(text));
  }

  /**
   * Fail closed: finds the lines of the stored log that hold a secret form the masker did not know
   * when they were written, and masks them there. Says where (line numbers), never what.
   */
  synchronized List<String> scrub(LeakCheck check) throws IOException {
    if (!learntLate) {
      return List.of(); // every line was masked with every secret there was: nothing to find
    }
    file.close();
    try {
      return check.scrub(path);
    } finally {
      file =
          Files.newBufferedWriter(
              path, StandardCharsets.UTF_8, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }
  }

  SecretMasker masker() {
    return masker;
  }

  /** A line of the runner's own about this run (what failed, what was killed). */
  synchronized void runner(String text) {
    write("[shiprun] " + masker.mask(text));
  }

  private MaskingStream stream(Channel channel) {
    return streams.computeIfAbsent(channel, c -> masker.stream());
  }

  private void write(String masked) {
    wroteAny = true;
    try {
      file.write(masked);
      file.write('\n');
      file.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    listener.line(job, masked);
  }

  /** What a stream still holds (a piece whose line never ended) is written before the end. */
  @Override
  public synchronized void close() throws IOException {
    try {
      for (MaskingStream stream : streams.values()) {
        String rest = stream.flush();
        if (!rest.isEmpty()) {
          write(rest);
        }
      }
    } finally {
      file.close();
      listener.masked(job, streams.values().stream().mapToLong(MaskingStream::masked).sum());
    }
  }
}
