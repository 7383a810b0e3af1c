package dev.shiprun.runner.ci.cache;

import java.io.File;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Folders in and out of a {@code .tar.gz} with the node's {@code tar}: symbolic links are stored as
 * links (tar never follows them when it writes), {@code .git} folders are left out, and extracting
 * never replaces a file that is already there. Java does the gzip, so that writing stops as soon as
 * the archive passes its size limit.
 */
final class TarArchive {

  /** How writing an archive ended. */
  sealed interface Written {}

  record Saved(long bytes) implements Written {}

  record TooLarge() implements Written {}

  record Failed(String reason) implements Written {}

  private TarArchive() {}

  /**
   * Writes {@code relative} (paths under {@code root}) into {@code target}; stops and gives {@link
   * TooLarge} once the archive passes {@code limit} bytes (what was written is then incomplete).
   */
  static Written write(Path root, List<String> relative, Path target, long limit)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of("tar", "--create", "--file=-", "--exclude=.git", "--directory=" + root, "--"));
    command.addAll(relative);
    Path errors = Files.createTempFile(target.getParent(), ".tar-", ".err");
    try {
      Process tar = start(command, errors, true);
      Counting counted;
      try (InputStream in = tar.getInputStream();
          OutputStream file = Files.newOutputStream(target);
          Counting counting = new Counting(file);
          GZIPOutputStream gzip = new GZIPOutputStream(counting, 1 << 16)) {
        counted = counting;
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) >= 0) {
          gzip.write(buffer, 0, n);
          if (counting.bytes > limit) {
            tar.destroyForcibly();
            tar.waitFor();
            return new TooLarge();
          }
        }
      }
      int code = tar.waitFor();
      if (code != 0) {
        return new Failed(reason(errors, "tar exited " + code));
      }
      return counted.bytes > limit ? new TooLarge() : new Saved(counted.bytes);
    } finally {
      Files.deleteIfExists(errors);
    }
  }

  /** Extracts {@code archive} into {@code root}, keeping every file that is already there. */
  static void read(Path archive, Path root) throws IOException, InterruptedException {
    List<String> command =
        List.of(
            "tar",
            "--extract",
            "--file=-",
            "--skip-old-files",
            "--no-same-owner",
            "--directory=" + root);
    Path errors = Files.createTempFile(archive.getParent(), ".tar-", ".err");
    try {
      Process tar = start(command, errors, false);
      try (InputStream in = new GZIPInputStream(Files.newInputStream(archive), 1 << 16);
          OutputStream out = tar.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException e) {
        tar.destroyForcibly();
        tar.waitFor();
        throw new IOException(reason(errors, e.getMessage()), e);
      }
      int code = tar.waitFor();
      if (code != 0) {
        throw new IOException(reason(errors, "tar exited " + code));
      }
    } finally {
      Files.deleteIfExists(errors);
    }
  }

  private static Process start(List<String> command, Path errors, boolean noInput)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
    if (noInput) {
      builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
    return builder.start();
  }

  /** tar's first message, or {@code fallback} when it said nothing. */
  private static String reason(Path errors, String fallback) throws IOException {
    List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8);
    return lines.stream().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(fallback);
  }

  /** Counts the bytes that reach the file. */
  private static final class Counting extends FilterOutputStream {
    private long bytes;

    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      bytes += len;
    }
  }
}
