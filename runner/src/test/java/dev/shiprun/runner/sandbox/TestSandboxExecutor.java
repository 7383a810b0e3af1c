package dev.shiprun.runner.sandbox;

import dev.shiprun.spi.ContainerRequest;
import dev.shiprun.spi.Execution;
import dev.shiprun.spi.ExecutionOutcome;
import dev.shiprun.spi.Executor;
import dev.shiprun.spi.Script;
import dev.shiprun.spi.ScriptOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * An executor only the tests know, {@code testSandbox}: it says on the script's output which
 * container the engine asked for, then runs the script's items in bash on this machine with the
 * environment and working folder it was given. It is one class and a line in META-INF/services: no
 * engine file names it.
 */
public final class TestSandboxExecutor implements Executor {

  public static final String NAME = "testSandbox";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ExecutionOutcome run(Execution execution) {
    ScriptOutput output = execution.output();
    byte[] said = (NAME + ": " + describe(execution) + "\n").getBytes(StandardCharsets.UTF_8);
    output.write(ScriptOutput.Stream.STDOUT, said, 0, said.length);
    ProcessBuilder bash =
        new ProcessBuilder("bash", "-c", text(execution.script()))
            .directory(execution.workingFolder().toFile())
            .redirectErrorStream(true);
    bash.environment().clear();
    bash.environment().putAll(execution.environment());
    try {
      Process process = bash.start();
      Thread copy = new Thread(() -> copy(process.getInputStream(), output));
      copy.start();
      while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
        if (execution.cancel().isCancelled()) {
          process.destroyForcibly().waitFor();
          copy.join();
          return new ExecutionOutcome.Cancelled(List.of());
        }
        if (Instant.now().isAfter(execution.deadline())) {
          process.destroyForcibly().waitFor();
          copy.join();
          return new ExecutionOutcome.TimedOut(List.of());
        }
      }
      copy.join(Duration.ofSeconds(10).toMillis());
      int code = process.exitValue();
      return code == 0
          ? new ExecutionOutcome.Succeeded(List.of())
          : new ExecutionOutcome.Failed(code, "script failed with exit code " + code, List.of());
    } catch (IOException e) {
      return new ExecutionOutcome.Errored("testSandbox cannot start bash: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ExecutionOutcome.Errored("testSandbox was interrupted");
    }
  }

  /** What the engine asked for, on one line: the image, the options, the mounts, the logins. */
  private static String describe(Execution execution) {
    if (execution.container().isEmpty()) {
      return "asked for no container";
    }
    ContainerRequest c = execution.container().get();
    return "image="
        + c.imageName().orElse("(default)")
        + " tag="
        + c.imageTag()
        + " pull="
        + c.pull()
        + " options="
        + c.options()
        + " mounts="
        + c.mounts()
        + " readOnly="
        + c.readOnlyMounts()
        + " authFile="
        + c.authFile().map(f -> Files.isRegularFile(f) ? "present" : "missing").orElse("none")
        + " registries="
        + c.registries().stream()
            .map(
                g -> g.registry() + " via " + g.integration() + (g.plainHttp() ? " over http" : ""))
            .collect(Collectors.joining(", ", "[", "]"));
  }

  /** The items in order, stopping at the first that fails, then on_success and always. */
  private static String text(Script script) {
    List<String> lines = new ArrayList<>();
    lines.add("set -e");
    lines.addAll(script.items());
    lines.addAll(script.onSuccess());
    lines.addAll(script.always());
    return String.join("\n", lines) + "\n";
  }

  private static void copy(InputStream in, ScriptOutput output) {
    byte[] buffer = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        output.write(ScriptOutput.Stream.STDOUT, buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      output.end(ScriptOutput.Stream.STDOUT);
    }
  }
}
