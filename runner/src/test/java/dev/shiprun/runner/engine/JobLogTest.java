package dev.shiprun.runner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.mask.SecretMasker;
import dev.shiprun.runner.exec.Cancellation;
import dev.shiprun.runner.exec.ExecOptions;
import dev.shiprun.runner.exec.Launch;
import dev.shiprun.runner.exec.LaunchResult;
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
      log.piece(Channel.STDOUT, "out made-");
      log.line(Channel.STDERR, "err up-pass");
      log.line(Channel.STDOUT, "up-pass");
      log.runner("about " + SECRET);
    }

    assertEquals(List.of("out ", "err up-pass", "***", "[shiprun] about ***"), live);
  }

  @Test
  void writesWhatAStreamHeldWhenTheLogCloses() throws IOException {
    Path file = dir.resolve("logs/3.log");
    try (JobLog log = new JobLog(file, "job", masker, (job, text) -> live.add(text))) {
      log.piece(Channel.STDOUT, "cut short made-up");
    }

    assertEquals(List.of("cut short ", "made-up"), live);
    assertTrue(Files.readString(file).endsWith("made-up\n"));
    assertFalse(Files.readString(file).contains(SECRET));
  }
}
