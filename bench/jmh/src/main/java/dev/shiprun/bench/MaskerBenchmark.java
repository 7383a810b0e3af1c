package dev.shiprun.bench;

import dev.shiprun.masker.MaskingStream;
import dev.shiprun.masker.OutputLines;
import dev.shiprun.masker.SecretMasker;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The secret masker's throughput: 64 MiB of log-like job output ({@link LogGenerator}: ASCII, so a
 * char is a byte) with 50 made-up secrets, each masked with all its forms (base64 at three
 * alignments, URL, JSON, shell, ...), in one automaton.
 *
 * <p>The score is chars per second (one operation is one char): divide by 1,048,576 for MiB/s.
 * {@code chunks} writes the text through one stream in 64 KiB pieces, as a pipe delivers it; {@code
 * lines} gives it line by line, as JobLog does; {@code chunksWithoutSecrets} is the same streaming
 * with nothing to mask, the floor the automaton's cost sits on. {@code bytes} is the engine's path
 * since issue 6: the text's bytes through one {@link OutputLines} (lines, U+FFFD, masking on bytes)
 * in 64 KiB writes, to an output that only counts.
 *
 * <p>Run: {@code java -jar bench/jmh/target/benchmarks.jar MaskerBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xms3g", "-Xmx3g"})
public class MaskerBenchmark {

  static final int TEXT_CHARS = 64 << 20;
  private static final int CHUNK_CHARS = 64 << 10;

  @Param({"50"})
  public int secrets;

  private SecretMasker masker;
  private SecretMasker nothingToMask;
  private List<String> chunks;
  private String[] lines;
  private byte[] utf8;

  @Setup(Level.Trial)
  public void generate() {
    LogGenerator generator = new LogGenerator(secrets, LogFile.SEED);
    String text = generator.text(TEXT_CHARS);
    chunks = new ArrayList<>();
    for (int at = 0; at < text.length(); at += CHUNK_CHARS) {
      chunks.add(text.substring(at, Math.min(text.length(), at + CHUNK_CHARS)));
    }
    lines = text.substring(0, text.length() - 1).split("\n", -1);
    utf8 = text.getBytes(StandardCharsets.UTF_8);
    masker = new SecretMasker(generator.secrets());
    nothingToMask = new SecretMasker(List.of());
  }

  @Benchmark
  @OperationsPerInvocation(TEXT_CHARS)
  public long chunks() {
    return streamed(masker);
  }

  @Benchmark
  @OperationsPerInvocation(TEXT_CHARS)
  public long lines() {
    MaskingStream stream = masker.stream();
    long written = 0;
    for (String line : lines) {
      written += stream.line(line).length() + 1;
    }
    return written;
  }

  @Benchmark
  @OperationsPerInvocation(TEXT_CHARS)
  public long bytes() throws IOException {
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
    for (int at = 0; at < utf8.length; at += CHUNK_CHARS) {
      out.write(utf8, at, Math.min(CHUNK_CHARS, utf8.length - at));
    }
    out.finish();
    return written[0];
  }

  @Benchmark
  @OperationsPerInvocation(TEXT_CHARS)
  public long chunksWithoutSecrets() {
    return streamed(nothingToMask);
  }

  /** The masked length, returned so that the work cannot be optimised away. */
  private long streamed(SecretMasker with) {
    MaskingStream stream = with.stream();
    long written = 0;
    for (String chunk : chunks) {
      written += stream.write(chunk).length();
    }
    return written + stream.flush().length();
  }
}
