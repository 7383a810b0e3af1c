package dev.shiprun.runner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shiprun.runner.exec.LaunchResult.Cancelled;
import dev.shiprun.runner.exec.LaunchResult.Errored;
import dev.shiprun.runner.exec.LaunchResult.Exited;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ProcessLauncherTest {

  @TempDir Path dir;
  private final Exec exec = new Exec();

  @Test
  void returnsTheScriptsExitCode() throws IOException {
    LaunchResult result = exec.run(dir, "echo about to fail\nexit 7\n", new RecordingSink());

    assertEquals(new Exited(7, KillReport.NONE), result);
  }

  @Test
  void deliversStdoutAndStderrLinesInOrderIncludingALastLineWithoutNewline() throws IOException {
    RecordingSink sink = new RecordingSink();

    exec.run(
        dir,
        """
        echo one
        echo warning one >&2
        printf 'two\\r\\nthree\\n'
        echo warning two >&2
        printf 'no newline'
        """,
        sink);

    assertEquals(List.of("one", "two", "three", "no newline"), sink.stdout());
    assertEquals(List.of("warning one", "warning two"), sink.stderr());
  }

  @Test
  void deliversTheSameLinesWhetherTheSinkLendsItsBufferOrNot() throws IOException {
    // more than a read's worth on each channel, so that lines cross the reads
    String script = "seq 1 30000\nseq -f 'warning %g' 1 20000 >&2\nprintf 'no newline'\n";
    RecordingSink lending = new RecordingSink();
    RecordingSink copying = RecordingSink.copying();

    exec.run(dir, script, lending);
    exec.run(dir, script, copying);

    assertEquals(30_001, lending.stdout().size());
    assertEquals("no newline", lending.stdout().get(30_000));
    assertEquals(20_000, lending.stderr().size());
    assertEquals(copying.stdout(), lending.stdout());
    assertEquals(copying.stderr(), lending.stderr());
  }

  @Test
  void deliversALineWhileTheScriptIsStillRunning() throws Exception {
    RecordingSink sink = new RecordingSink();
    Path go = dir.resolve("go");
    Launch launch =
        exec.launch(
            dir,
            "echo first\nwhile [ ! -e go ]; do sleep 0.05; done\necho second\n",
            Exec.PATH_ONLY,
            Exec.LONG);

    CompletableFuture<LaunchResult> result =
        CompletableFuture.supplyAsync(() -> exec.launcher.run(launch, sink, new Cancellation()));
    sink.arrival("first").get(30, TimeUnit.SECONDS);

    assertFalse(result.isDone(), "the script waits for 'go', so it cannot have ended");
    assertEquals(List.of("first"), sink.stdout());
    Files.createFile(go);
    assertEquals(new Exited(0, KillReport.NONE), result.get(30, TimeUnit.SECONDS));
    assertEquals(List.of("first", "second"), sink.stdout());
  }

  @Test
  void givesTheScriptExactlyTheGivenEnvironmentByteForByte() throws IOException {
    Map<String, String> given = new HashMap<>(Exec.PATH_ONLY);
    given.put("QUOTES", "it's \"quoted\" 'twice'");
    given.put("DOLLARS", "$HOME ${PATH} $(id) `whoami` \\$x");
    given.put("EQUALS", "a=b==c=");
    given.put("SPACES", "  leading and trailing  ");
    given.put("NEWLINES", "line one\nline two\n\nend\n");
    given.put("EMPTY", "");

    exec.launcher.run(
        exec.launch(dir, "env -0 > env.out\n", given, Exec.LONG),
        new RecordingSink(),
        new Cancellation());

    Map<String, String> seen = environment(dir.resolve("env.out"));
    given.forEach((name, value) -> assertEquals(value, seen.get(name), name));
    assertEquals(exec.token.value(), seen.get(RunToken.VARIABLE));
    Set<String> bashOwn = Set.of("PWD", "SHLVL", "_", "OLDPWD");
    Set<String> unexpected =
        seen.keySet().stream()
            .filter(name -> !given.containsKey(name) && !bashOwn.contains(name))
            .filter(name -> !name.equals(RunToken.VARIABLE))
            .collect(Collectors.toSet());
    assertEquals(Set.of(), unexpected, "variables the script was not given");
    String jvmOnly =
        System.getenv().keySet().stream()
            .filter(name -> !given.containsKey(name) && !bashOwn.contains(name))
            .findFirst()
            .orElseThrow();
    assertFalse(seen.containsKey(jvmOnly), jvmOnly + " leaked from the JVM's environment");
  }

  @Test
  void passesNonAsciiValuesAsUtf8() throws IOException {
    assumeTrue(
        "UTF-8".equals(System.getProperty("sun.jnu.encoding")),
        "the JVM passes environment values in its locale's encoding; this one is not UTF-8");
    Map<String, String> given = Map.of("PATH", "/usr/bin:/bin", "GREETING", "grüße ✓ 日本");

    exec.launcher.run(
        exec.launch(dir, "printf '%s' \"$GREETING\" > value.out\n", given, Exec.LONG),
        new RecordingSink(),
        new Cancellation());

    assertEquals("grüße ✓ 日本", Files.readString(dir.resolve("value.out")));
  }

  @Test
  void survivesOutputThatIsNotUtf8() throws IOException {
    RecordingSink sink = new RecordingSink();

    LaunchResult result =
        exec.run(dir, "printf 'ok\\377\\376\\n'\nhead -c 20000 /dev/urandom\necho end\n", sink);

    assertEquals(0, assertInstanceOf(Exited.class, result).code());
    assertEquals("ok\uFFFD\uFFFD", sink.stdout().get(0));
    assertTrue(
        sink.stdout().get(sink.stdout().size() - 1).endsWith("end"), sink.stdout().toString());
  }

  @Test
  void reportsAMissingBashAsAnErrorOfTheRunner() throws IOException {
    ProcessLauncher launcher =
        new ProcessLauncher(
            new ExecOptions(
                dir.resolve("no-bash"), Optional.empty(), Path.of("/bin/sh"), ExecOptions.AUTO),
            exec.killer);

    LaunchResult result =
        launcher.run(
            exec.launch(dir, "true\n", Exec.PATH_ONLY, Exec.LONG),
            new RecordingSink(),
            new Cancellation());

    String reason = assertInstanceOf(Errored.class, result).reason();
    assertTrue(reason.startsWith("bash is not found at " + dir.resolve("no-bash")), reason);
    assertFalse(reason.contains("\n"), reason);
  }

  @Test
  void reportsAMissingWorkingDirectory() throws IOException {
    Launch launch = exec.launch(dir, "true\n", Exec.PATH_ONLY, Exec.LONG);

    LaunchResult result =
        exec.launcher.run(
            new Launch(launch.script(), dir.resolve("gone"), Exec.PATH_ONLY, exec.token, Exec.LONG),
            new RecordingSink(),
            new Cancellation());

    assertEquals(
        new Errored("the working directory " + dir.resolve("gone") + " does not exist"), result);
  }

  @Test
  void refusesAValueThatNoEnvironmentCanCarry() throws IOException {
    LaunchResult result =
        exec.launcher.run(
            exec.launch(dir, "true\n", Map.of("TOKEN", "abc\0def"), Exec.LONG),
            new RecordingSink(),
            new Cancellation());

    assertEquals(
        new Errored(
            "the value of environment variable TOKEN holds a NUL character, which no environment"
                + " can carry: remove it"),
        result);
  }

  @Test
  void doesNotStartWhenTheJobIsAlreadyCancelled() throws IOException {
    Cancellation cancellation = new Cancellation();
    cancellation.cancel();

    LaunchResult result =
        exec.launcher.run(
            exec.launch(dir, "touch started\n", Exec.PATH_ONLY, Exec.LONG),
            new RecordingSink(),
            cancellation);

    assertEquals(new Cancelled(KillReport.NONE), result);
    assertFalse(Files.exists(dir.resolve("started")));
  }

  @Test
  void reportsASinkThatFailsAsAnErrorAndStillLetsTheScriptFinish() throws IOException {
    OutputSink broken =
        new OutputSink() {
          @Override
          public void write(Channel channel, byte[] bytes, int off, int len) {
            throw new IllegalStateException("log store is full");
          }

          @Override
          public void end(Channel channel) {}
        };

    LaunchResult result = exec.run(dir, "seq 1 100000\ntouch finished\n", broken);

    assertEquals(
        new Errored(
            "the script's output could not be delivered: IllegalStateException: log store is full"),
        result);
    assertTrue(Files.exists(dir.resolve("finished")), "the script was drained to its end");
  }

  @Test
  void findsTheContainmentAheadAndItsCloseLeavesNoProbeBehind() throws IOException {
    exec.launcher.findAhead();
    exec.launcher.close();
    Containment found = exec.launcher.containment();

    if (found instanceof Containment.Cgroups cgroups) {
      String mine = ContainmentProbe.PROBE_PREFIX + ProcessHandle.current().pid() + "-";
      try (var left = Files.list(cgroups.parent())) {
        assertEquals(
            List.of(), left.filter(p -> p.getFileName().toString().startsWith(mine)).toList());
      }
    }
    LaunchResult result = exec.run(dir, "exit 3\n", new RecordingSink());
    assertEquals(3, assertInstanceOf(Exited.class, result).code());
    assertEquals(found, exec.launcher.containment(), "found once and kept");
  }

  private static Map<String, String> environment(Path envZero) throws IOException {
    String all = Files.readString(envZero, StandardCharsets.UTF_8);
    return Arrays.stream(all.split("\0"))
        .filter(entry -> !entry.isEmpty())
        .collect(
            Collectors.toMap(
                e -> e.substring(0, e.indexOf('=')), e -> e.substring(e.indexOf('=') + 1)));
  }
}
