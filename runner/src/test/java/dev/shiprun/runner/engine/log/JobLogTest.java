package dev.shiprun.runner.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.masker.SecretMasker;
import dev.shiprun.runner.exec.Cancellation;
import dev.shiprun.runner.exec.ExecOptions;
import dev.shiprun.runner.exec.Launch;
import dev.shiprun.runner.exec.LaunchResult;
import dev.shiprun.runner.exec.OutputSink;
import dev.shiprun.runner.exec.OutputSink.Channel;
import dev.shiprun.runner.exec.ProcessLauncher;
import dev.shiprun.runner.exec.ProcessTreeKiller;
import dev.shiprun.runner.exec.RunToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobLogTest {

  private static final String SECRET = "made-up-pass";

  @TempDir Path dir;

  private final List<String> live = Collections.synchronizedList(new ArrayList<>());
  private final SecretMasker masker = new SecretMasker(List.of(SECRET));

  @Test
  void masksASecretThatALongLineIsCutThrough() throws IOException {
    // 1 MiB is where the line is cut: the secret starts 6 bytes before it.
    String script = "head -c 1048570 /dev/zero | tr '\\0' x; echo '" + SECRET + " tail'\n";
    Path file = dir.resolve("logs/1.log");
    try (JobLog log = new JobLog(file, "job", masker, (job, text) -> live.add(text))) {
      Path run = Files.writeString(dir.resolve("run.sh"), script);
      Launch launch =
          new Launch(
              run,
              dir,
              Map.of("PATH", "/usr/local/bin:/usr/bin:/bin"),
              RunToken.random(),
              Duration.ofMinutes(1));
      LaunchResult result =
          new ProcessLauncher(ExecOptions.defaults(), new ProcessTreeKiller(Duration.ofSeconds(1)))
              .run(launch, log, new Cancellation());
      assertInstanceOf(LaunchResult.Exited.class, result);
    }

    List<String> stored = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(2, stored.size());
    assertEquals("x".repeat(1048570), stored.get(0));
    assertEquals("*** tail", stored.get(1));
    assertEquals(stored, live);
  }

  @Test
  void keepsOneStreamPerChannel() throws IOException {
    Path file = dir.resolve("logs/2.log");
    try (JobLog log = new JobLog(file, "job", masker, (job, text) -> live.add(text))) {
      feed(log, Channel.STDOUT, "out made-");
      feed(log, Channel.STDERR, "err up-pass\n");
      feed(log, Channel.STDOUT, "up-pass\n");
      log.runner("about " + SECRET);
    }

    assertEquals(List.of("err up-pass", "out ***", "[shiprun] about ***"), live);
  }

  @Test
  void writesWhatAStreamHeldWhenTheLogCloses() throws IOException {
    Path file = dir.resolve("logs/3.log");
    try (JobLog log = new JobLog(file, "job", masker, (job, text) -> live.add(text))) {
      feed(log, Channel.STDOUT, "cut short made-up");
    }

    assertEquals(List.of("cut short made-up"), live);
    assertTrue(Files.readString(file).endsWith("made-up\n"));
    assertFalse(Files.readString(file).contains(SECRET));
  }

  @Test
  void masksBytesOfEachChannelAndInterleavesThemByWholeLines() throws IOException {
    Path file = dir.resolve("logs/4.log");
    String control =
        JobLog.MASK_CONTROL
            + Base64.getEncoder().encodeToString("made-up-later".getBytes(StandardCharsets.UTF_8));
    try (JobLog log = new JobLog(file, "job", masker, (job, text) -> live.add(text))) {
      feed(log, Channel.STDOUT, "out start made-");
      feed(log, Channel.STDERR, "err " + SECRET + "\r\n" + control + "\n");
      feed(log, Channel.STDOUT, "up-pass end\nbad \u00e9");
      byte[] bad = {(byte) 0xFF, ' ', 'm', 'a', 'd', 'e', '-', 'u', 'p', '-', 'l', 'a'};
      log.write(Channel.STDOUT, bad, 0, bad.length);
      feed(log, Channel.STDOUT, "ter");
      log.end(Channel.STDOUT);
      log.end(Channel.STDERR);
    }

    List<String> expected = List.of("err ***", "out start *** end", "bad \u00e9\ufffd ***");
    assertEquals(expected, Files.readAllLines(file, StandardCharsets.UTF_8));
    assertEquals(expected, live);
  }

  @Test
  void makesNoLinesForAListenerThatDoesNotShowThem() throws IOException {
    Path file = dir.resolve("logs/5.log");
    LiveOutput quiet =
        new LiveOutput() {
          @Override
          public void line(String job, String text) {
            live.add(text);
          }

          @Override
          public boolean showsLines() {
            return false;
          }
        };
    try (JobLog log = new JobLog(file, "job", masker, quiet)) {
      feed(log, Channel.STDOUT, "a " + SECRET + "\nb");
      log.end(Channel.STDOUT);
    }

    assertEquals(List.of("a ***", "b"), Files.readAllLines(file, StandardCharsets.UTF_8));
    assertEquals(List.of(), live);
  }

  private static void feed(OutputSink log, Channel channel, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    log.write(channel, bytes, 0, bytes.length);
  }

  @Test
  void readsBackWhatAStepPrintedMaskedAndFromALineStart() throws IOException {
    Path file = dir.resolve("logs/since.log");
    try (JobLog log = new JobLog(file, "job", masker, (job, text) -> live.add(text))) {
      log.runner("TASK 'build' started");
      long mark = log.length();
      feed(log, Channel.STDOUT, "first line\nlogin with " + SECRET + "\nunauthorized\n");
      log.end(Channel.STDOUT);

      assertEquals("first line\nlogin with ***\nunauthorized\n", log.since(mark, 1024));
      // At most the last bytes asked for, from the start of a line.
      assertEquals("unauthorized\n", log.since(mark, 16));
      assertEquals("", log.since(log.length(), 1024));
    }
  }
}
