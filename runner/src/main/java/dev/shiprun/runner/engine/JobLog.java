package dev.shiprun.runner.engine;

import dev.shiprun.masker.MaskingStream;
import dev.shiprun.masker.SecretMasker;
import dev.shiprun.runner.exec.OutputSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.Map;

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

  private final String job;
  private final SecretMasker masker;
  private final Map<Channel, MaskingStream> streams = new EnumMap<>(Channel.class);
  private final BufferedWriter file;
  private final LiveOutput listener;

  JobLog(Path file, String job, SecretMasker masker, LiveOutput listener) throws IOException {
    Files.createDirectories(file.getParent());
    this.file =
        Files.newBufferedWriter(
            Files.createFile(
                file,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
            StandardCharsets.UTF_8,
            StandardOpenOption.WRITE);
    this.job = job;
    this.masker = masker;
    this.listener = listener;
  }

  @Override
  public synchronized void line(Channel channel, String text) {
    write(stream(channel).line(text));
  }

  /** Stored and shown as a line, as it was cut, less what may be the start of a secret. */
  @Override
  public synchronized void piece(Channel channel, String text) {
    write(stream(channel).write(text));
  }

  /** A line of the runner's own about this run (what failed, what was killed). */
  synchronized void runner(String text) {
    write("[shiprun] " + masker.mask(text));
  }

  private MaskingStream stream(Channel channel) {
    return streams.computeIfAbsent(channel, c -> masker.stream());
  }

  private void write(String masked) {
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
    }
  }
}
