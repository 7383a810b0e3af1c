package dev.shiprun.bench;

import dev.shiprun.model.mask.MaskingStream;
import dev.shiprun.model.mask.OutputLines;
import dev.shiprun.model.mask.SecretMasker;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link MaskerBenchmark}'s three paths (chunks, lines, bytes) over the same 64 MiB, timed by the
 * masking thread's CPU time instead of the wall clock: on a machine shared with other busy
 * processes a wall-clock benchmark swings several times over, CPU time much less. For a
 * before/after of two builds run back to back, alternated.
 *
 * <pre>java -Xms3g -Xmx3g -cp bench/jmh/target/benchmarks.jar dev.shiprun.bench.MaskerCpu PASSES
 * </pre>
 *
 * <p>Prints, per path, the median MiB per CPU second of the second half of the passes (the first
 * half warms the JIT up).
 */
public final class MaskerCpu {

  private static final int CHUNK = 64 << 10;

  private MaskerCpu() {}

  public static void main(String[] args) throws Exception {
    int passes = args.length == 1 ? Integer.parseInt(args[0]) : 16;
    LogGenerator generator = new LogGenerator(50, LogFile.SEED);
    String text = generator.text(MaskerBenchmark.TEXT_CHARS);
    List<String> chunks = new ArrayList<>();
    for (int at = 0; at < text.length(); at += CHUNK) {
      chunks.add(text.substring(at, Math.min(text.length(), at + CHUNK)));
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    SecretMasker masker = new SecretMasker(generator.secrets());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, List<Double>> rates = new LinkedHashMap<>();
    long written = 0;
    for (int p = 0; p < passes; p++) {
      for (String path : List.of("chunks", "lines", "bytes")) {
        long start = threads.getCurrentThreadCpuTime();
        written +=
            switch (path) {
              case "chunks" -> chunks(masker, chunks);
              case "lines" -> lines(masker, lines);
              default -> bytes(masker, utf8);
            };
        double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
        if (p >= passes / 2) {
          rates
              .computeIfAbsent(path, k -> new ArrayList<>())
              .add(text.length() / 1048576.0 / seconds);
        }
      }
    }
    StringBuilder out = new StringBuilder();
    rates.forEach(
        (path, values) -> {
          Collections.sort(values);
          out.append(path)
              .append('\t')
              .append(Math.round(values.get(values.size() / 2)))
              .append('\t');
        });
    System.out.println(out.append(written > 0 ? "MiB per CPU second" : "nothing written"));
  }

  private static long chunks(SecretMasker masker, List<String> chunks) {
    MaskingStream stream = masker.stream();
    long written = 0;
    for (String chunk : chunks) {
      written += stream.write(chunk).length();
    }
    return written + stream.flush().length();
  }

  private static long lines(SecretMasker masker, String[] lines) {
    MaskingStream stream = masker.stream();
    long written = 0;
    for (String line : lines) {
      written += stream.line(line).length() + 1;
    }
    return written;
  }

  private static long bytes(SecretMasker masker, byte[] utf8) throws java.io.IOException {
    long[] written = {0};
    OutputStream counter =
        new OutputStream() {
          @Override
          public void write(int b) {
            written[0]++;
          }

          @Override
          public void write(byte[] b, int off, int len) {
            written[0] += len;
          }
        };
    OutputLines out =
        new OutputLines(masker.byteStream(), counter, 1 << 20, new byte[0], (b, off, len) -> {});
    for (int at = 0; at < utf8.length; at += CHUNK) {
      out.write(utf8, at, Math.min(CHUNK, utf8.length - at));
    }
    out.finish();
    return written[0];
  }
}
