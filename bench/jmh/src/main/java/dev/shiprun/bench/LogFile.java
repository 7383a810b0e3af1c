package dev.shiprun.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the log-like text of the masker benchmark to a file, with its made-up secrets one per line
 * in a second file: the input of {@code bench/masker.sh} ({@link MaskPipe} reads the secrets file).
 * The same seed as {@link MaskerBenchmark}, so both mask the same kind of text.
 *
 * <pre>java -cp bench/jmh/target/benchmarks.jar dev.shiprun.bench.LogFile LOG SECRETS MIB [COUNT]
 * </pre>
 *
 * <p>LOG gets exactly MIB × 1,048,576 bytes (ASCII), SECRETS the COUNT (default 50) secrets.
 */
public final class LogFile {

  static final long SEED = 20_261_127L;

  private LogFile() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3 || args.length > 4) {
      System.err.println("usage: LogFile LOG SECRETS MIB [COUNT]");
      System.exit(2);
    }
    long bytes = Long.parseLong(args[2]) << 20;
    int count = args.length == 4 ? Integer.parseInt(args[3]) : 50;
    LogGenerator generator = new LogGenerator(count, SEED);
    // ASCII text: a char is a byte, so the file has exactly the size asked.
    try (Writer out = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.US_ASCII)) {
      generator.write(out, bytes);
    }
    Files.write(Path.of(args[1]), generator.secrets(), StandardCharsets.UTF_8);
  }
}
