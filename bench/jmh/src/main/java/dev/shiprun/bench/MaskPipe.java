package dev.shiprun.bench;

import dev.shiprun.model.mask.MaskingStream;
import dev.shiprun.model.mask.SecretMasker;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A filter: stdin to stdout through the model's secret masker, the way the engine masks a job's
 * output, so that {@code bench/masker.sh} can time it next to {@code cat} in the same pipe.
 *
 * <pre>cat LOG | java -cp bench/jmh/target/benchmarks.jar dev.shiprun.bench.MaskPipe SECRETS</pre>
 *
 * <p>SECRETS holds one secret per line; each is masked with all its derived forms. As in the engine
 * (runner's {@code OutputPump}, {@code LineSplitter} and {@code JobLog}): bytes are cut into lines
 * at {@code \n} (a {@code \r} before it dropped), each line decoded as UTF-8 and given to one
 * {@link MaskingStream} with {@code line()}. (The engine also cuts a line at 1 MiB and masks it in
 * pieces; the generated log has no such line, so that is left out.) Reads are 64 KiB (the engine
 * reads 8 KiB; the size changes only the number of read calls). Masked lines go to stdout through a
 * 64 KiB buffer, not to a file flushed per line as the stored log is: what is measured is the
 * masker and the line handling, not the disk.
 *
 * <p>At the end, stderr gets one line: {@code masked N secrets in L lines}.
 */
public final class MaskPipe {

  private static final int READ_BYTES = 64 << 10;

  private final MaskingStream stream;
  private final Writer out;
  private byte[] line = new byte[512];
  private int length;
  private long lines;

  private MaskPipe(MaskingStream stream, Writer out) {
    this.stream = stream;
    this.out = out;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: MaskPipe SECRETS_FILE  (stdin to stdout, masked)");
      System.exit(2);
    }
    List<String> secrets =
        Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8).stream()
            .filter(s -> !s.isEmpty())
            .toList();
    Writer out =
        new BufferedWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
            READ_BYTES);
    try (InputStream in = new FileInputStream(FileDescriptor.in)) {
      System.err.println(mask(in, out, new SecretMasker(secrets)));
    }
  }

  /** Masks {@code in} into {@code out} (flushed); returns the line for stderr. */
  static String mask(InputStream in, Writer out, SecretMasker masker) throws IOException {
    MaskPipe pipe = new MaskPipe(masker.stream(), out);
    pipe.pump(in);
    out.flush();
    return String.format("masked %d secrets in %d lines", pipe.stream.masked(), pipe.lines);
  }

  private void pump(InputStream in) throws IOException {
    byte[] chunk = new byte[READ_BYTES];
    int count;
    while ((count = in.read(chunk)) != -1) {
      int start = 0;
      for (int i = 0; i < count; i++) {
        if (chunk[i] == '\n') {
          append(chunk, start, i - start);
          int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
          out.write(stream.line(new String(line, 0, end, StandardCharsets.UTF_8)));
          out.write('\n');
          length = 0;
          lines++;
          start = i + 1;
        }
      }
      append(chunk, start, count - start);
    }
    if (length > 0) { // a last line without a newline is still a line
      out.write(stream.line(new String(line, 0, length, StandardCharsets.UTF_8)));
      out.write('\n');
      lines++;
    }
    out.write(stream.flush());
  }

  private void append(byte[] bytes, int offset, int count) {
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(length + count, line.length * 2));
    }
    System.arraycopy(bytes, offset, line, length, count);
    length += count;
  }
}
