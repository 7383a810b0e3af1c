package dev.shiprun.runner.engine;

import dev.shiprun.runner.exec.OutputSink;
import dev.shiprun.runner.secrets.SecretMasker;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one output boundary of a run: every line a job prints (tasks, hooks) and every line the
 * runner writes about it goes through the masker, then to the stored log and, when asked, to the
 * console. Nothing reaches a sink unmasked.
 */
final class JobLog implements OutputSink, AutoCloseable {

  private final String job;
  private volatile SecretMasker masker;
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
    write(masker.mask(text));
  }

  /** Widens what is masked (once the job's environment is known); never narrows it. */
  void useMasker(SecretMasker wider) {
    this.masker = wider;
  }

  /** A line of the runner's own about this run (what failed, what was killed). */
  synchronized void runner(String text) {
    write("[shiprun] " + masker.mask(text));
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

  @Override
  public synchronized void close() throws IOException {
    file.close();
  }
}
