package dev.shiprun.bench;

import dev.shiprun.masker.OutputLines;
import dev.shiprun.masker.SecretMasker;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * A filter: stdin to stdout through the model's secret masker, the way the engine masks a job's
 * output, so that {@code bench/masker.sh} can time it next to {@code cat} in the same pipe.
 *
 * <pre>cat LOG | java -cp bench/jmh/target/benchmarks.jar dev.shiprun.bench.MaskPipe SECRETS</pre>
 *
 * <p>SECRETS holds one secret per line; each is masked with all its derived forms. As in the engine
 * (runner's {@code OutputPump} and {@code JobLog}): the bytes are read in 64 KiB reads straight into
 * the buffer of one {@link OutputLines} per channel ({@link OutputLines#intake}), which masks them
 * as bytes, with the engine's line rules (lines at {@code \n},
 * a {@code \r} before it dropped, lines cut at 1 MiB, malformed UTF-8 as U+FFFD, {@code shipctl
 * mask} control lines registering a secret), writing whole lines out. The engine writes to the
 * stored log file, flushed per read; here stdout takes the lines, unbuffered (one write per read):
 * what is measured is the masker and the line handling, not the disk.
 *
 * <p>At the end, stderr gets one line: {@code masked N secrets in L lines}.
 */
public final class MaskPipe {

  /** The engine's control prefix (runner's JobLog.MASK_CONTROL). */
  private static final byte[] MASK_CONTROL = "::shiprun-mask::".getBytes(StandardCharsets.UTF_8);

  private static final int MAX_LINE_BYTES = 1 << 20;

  /** The engine's read size (runner's OutputPump.READ_BYTES). */
  private static final int READ_BYTES = 64 << 10;

  private MaskPipe() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: MaskPipe SECRETS_FILE  (stdin to stdout, masked)");
      System.exit(2);
    }
    List<String> secrets =
        Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8).stream()
            .filter(s -> !s.isEmpty())
            .toList();
    try (InputStream in = new FileInputStream(FileDescriptor.in);
        OutputStream out = new FileOutputStream(FileDescriptor.out)) {
      System.err.println(mask(in, out, new SecretMasker(secrets)));
    }
  }

  /** A control line's value, as JobLog registers it (one that is not base64 is dropped). */
  private static void register(SecretMasker masker, String encoded) {
    try {
      String value =
          new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
      if (!value.isEmpty()) {
        masker.add(value);
      }
    } catch (IllegalArgumentException e) {
      // JobLog writes a note instead; the bench's log has no control line
    }
  }

  /** Masks {@code in} into {@code out} (flushed); returns the line for stderr. */
  static String mask(InputStream in, OutputStream out, SecretMasker masker) throws IOException {
    OutputLines lines =
        new OutputLines(
            masker.byteStream(),
            out,
            MAX_LINE_BYTES,
            MASK_CONTROL,
            (text, off, len) ->
                register(masker, new String(text, off, len, StandardCharsets.UTF_8)));
    int count;
    do { // each read goes straight into the channel's buffer, masked as it comes
      OutputLines.Intake intake = lines.intake();
      count = in.read(intake.bytes(), intake.off(), Math.min(intake.len(), READ_BYTES));
      lines.filled(intake, Math.max(count, 0)); // at the end: handed back empty
    } while (count != -1);
    lines.finish();
    // concatenation, not String.format: Formatter's locale data cost ≈ 20 ms of the start
    return "masked " + lines.masked() + " secrets in " + lines.lines() + " lines";
  }
}
