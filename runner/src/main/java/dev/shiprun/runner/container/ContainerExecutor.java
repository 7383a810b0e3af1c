package dev.shiprun.runner.container;

import dev.shiprun.runner.exec.OutputSink;
import dev.shiprun.runner.exec.ProcessWait;
import dev.shiprun.runner.exec.ScriptOutputSink;
import dev.shiprun.runner.exec.TaskOutcome;
import dev.shiprun.runner.exec.TaskScript;
import dev.shiprun.runner.exec.TaskScriptFile;
import dev.shiprun.spi.ContainerRequest;
import dev.shiprun.spi.Execution;
import dev.shiprun.spi.ExecutionOutcome;
import dev.shiprun.spi.Executor;
import dev.shiprun.spi.Script;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The {@code container} executor: a script runs in bash in a container of the image it asks for,
 * through the podman or docker command.
 *
 * <p>The container command runs through a plain process, not the host's {@link
 * dev.shiprun.runner.exec.ProcessLauncher}: the container and its conmon live in cgroups of the
 * engine's and carry none of the launch's run token, so the launcher's kill could reach only the
 * client and would leave the container running. Stopping goes through the engine instead ({@code
 * stop}, then {@code rm --force}), and the engine's processes of the container are waited for.
 */
public final class ContainerExecutor implements Executor {

  /** The executor's name, as a node's settings choose it. */
  public static final String NAME = "container";

  /** How long the output may take to end once the run command has ended. */
  private static final Duration DRAIN_PATIENCE = Duration.ofSeconds(5);

  /** How long the engine's processes of a container may outlive its run command. */
  private static final Duration LEFTOVER_PATIENCE = Duration.ofSeconds(10);

  /** Exit codes of the run command that come from the engine, not the script (125–127). */
  private static final int FIRST_ENGINE_CODE = 125;

  private static final int LAST_ENGINE_CODE = 127;

  private final ContainerSettings settings;

  /** Reads the container commands' output; threads are kept a while for the next one. */
  private final ExecutorService readers =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "shiprun-container-output");
            thread.setDaemon(true);
            return thread;
          });

  public ContainerExecutor(ContainerSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Which container command runs the scripts. */
  @Override
  public String description() {
    return engine()
        .map(e -> "containers through " + e.cli())
        .orElse("containers (no engine found)");
  }

  @Override
  public ExecutionOutcome run(Execution execution) {
    Instant deadline = execution.deadline();
    Duration left = Duration.between(Instant.now(), deadline);
    if (left.isNegative() || left.isZero()) {
      return new ExecutionOutcome.TimedOut(List.of());
    }
    if (execution.cancel().isCancelled()) {
      return new ExecutionOutcome.Cancelled(List.of());
    }
    long deadlineNanos = System.nanoTime() + left.toNanos();
    Optional<ContainerRequest> asked = execution.container();
    if (asked.isEmpty()) {
      return new ExecutionOutcome.Errored(
          "the container executor was given "
              + execution.name()
              + " without the image to run it in: run it on the host");
    }
    ContainerRequest request = asked.get();
    Optional<ContainerEngine> found = engine();
    if (found.isEmpty()) {
      return new ExecutionOutcome.Errored(missingEngine(execution.name()));
    }
    Optional<String> problem = problem(execution, request);
    if (problem.isPresent()) {
      return new ExecutionOutcome.Errored(problem.get());
    }
    EngineClient client = new EngineClient(found.get(), engineEnvironment(), readers);
    ImageReference image =
        request
            .imageName()
            .map(n -> ImageReference.of(n, request.imageTag()))
            .orElse(new ImageReference(settings.defaultImage()));
    OutputSink output = new ScriptOutputSink(execution.output());
    ImagePull.Result pulled =
        new ImagePull(client, settings.grace())
            .prepare(image, request, output, execution.cancel(), deadlineNanos);
    if (pulled instanceof ImagePull.Result.Missing missing) {
      return new ExecutionOutcome.Errored(missing.reason());
    }
    if (pulled instanceof ImagePull.Result.Stopped stopped) {
      return stopped.cancelled()
          ? new ExecutionOutcome.Cancelled(List.of("stopped the pull of " + image))
          : new ExecutionOutcome.TimedOut(List.of("stopped the pull of " + image));
    }
    List<String> notes = new ArrayList<>(((ImagePull.Result.Present) pulled).notes());
    return runScript(execution, request, client, image, output, deadlineNanos, notes);
  }

  private ExecutionOutcome runScript(
      Execution execution,
      ContainerRequest request,
      EngineClient client,
      ImageReference image,
      OutputSink output,
      long deadlineNanos,
      List<String> notes) {
    Script s = execution.script();
    Path folder = execution.scriptsFolder().toAbsolutePath();
    TaskScriptFile written;
    EnvironmentFile environment;
    Path envFile = folder.resolve(execution.name() + ".env");
    Path idFile = folder.resolve(execution.name() + ".cid");
    try {
      written =
          new TaskScript(s.items(), s.onSuccess(), s.onFailure(), s.always())
              .writeTo(folder, execution.name());
      Files.deleteIfExists(envFile);
      Files.deleteIfExists(idFile);
      environment = EnvironmentFile.write(envFile, execution.environment());
    } catch (IOException | UncheckedIOException e) {
      deleteQuietly(envFile);
      return new ExecutionOutcome.Errored("cannot write the task scripts: " + e.getMessage());
    }
    String name =
        request.name().orElseGet(() -> ContainerName.of(execution.runMark(), execution.name()));
    try {
      RunArguments arguments =
          new RunArguments(
              name,
              idFile,
              execution.runMark(),
              environment,
              request.mounts().stream().map(Path::toAbsolutePath).toList(),
              request.readOnlyMounts().stream().map(Path::toAbsolutePath).toList(),
              execution.workingFolder().toAbsolutePath(),
              request.options(),
              image,
              written.wrapper());
      TailSink tail = new TailSink(output);
      EngineClient.Running running;
      try {
        running = client.start(arguments.toList(), environment.byName(), tail);
      } catch (IOException e) {
        return new ExecutionOutcome.Errored(
            "cannot start " + client.engine().cli() + ": " + e.getMessage());
      }
      ProcessWait.Ending ending =
          ProcessWait.until(running.process(), execution.cancel(), deadlineNanos);
      if (ending != ProcessWait.Ending.EXITED) {
        notes.addAll(new ContainerStop(client, settings.grace()).stop(name, running.process()));
      }
      running.pump().finish(DRAIN_PATIENCE);
      containerId(idFile)
          .ifPresent(id -> notes.addAll(EngineLeftovers.awaitGone(id, LEFTOVER_PATIENCE)));
      if (ending == ProcessWait.Ending.INTERRUPTED) {
        Thread.currentThread().interrupt();
      }
      Optional<RuntimeException> lost = running.pump().failure();
      if (lost.isPresent()) {
        return new ExecutionOutcome.Errored(
            "the script's output could not be delivered: " + lost.get().getMessage());
      }
      return switch (ending) {
        case TIMED_OUT -> new ExecutionOutcome.TimedOut(notes);
        case CANCELLED, INTERRUPTED -> new ExecutionOutcome.Cancelled(notes);
        case EXITED ->
            exited(
                running.process().exitValue(),
                written,
                tail,
                image,
                request.pull() ? Optional.empty() : Optional.of(client.engine()),
                notes);
      };
    } finally {
      deleteQuietly(envFile);
      deleteQuietly(idFile);
    }
  }

  /**
   * The outcome by the host's rules, unless the engine itself failed before the script ran.
   *
   * @param unpulledOn the engine, when the TASK said {@code pull: false}: then an image the engine
   *     does not know is the TASK's missing image
   */
  private static ExecutionOutcome exited(
      int code,
      TaskScriptFile written,
      TailSink tail,
      ImageReference image,
      Optional<ContainerEngine> unpulledOn,
      List<String> notes) {
    if (code >= FIRST_ENGINE_CODE && code <= LAST_ENGINE_CODE && !Files.exists(written.status())) {
      if (unpulledOn.isPresent() && ImagePull.saysNotHere(tail.stderr())) {
        return new ExecutionOutcome.Errored(ImagePull.notHere(image, unpulledOn.get()));
      }
      return new ExecutionOutcome.Errored(
          "the container of image "
              + image
              + " could not run the script (exit code "
              + code
              + "): "
              + tail.lastLine());
    }
    return written.outcome(code) instanceof TaskOutcome.Failed failed
        ? new ExecutionOutcome.Failed(failed.exitCode(), failed.message(), notes)
        : new ExecutionOutcome.Succeeded(notes);
  }

  private Optional<ContainerEngine> engine() {
    String path = engineEnvironment().getOrDefault("PATH", "");
    return new EngineLocator(path).find(settings.cli());
  }

  /** shiprun's own environment with the engine's settings over it. */
  private Map<String, String> engineEnvironment() {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.putAll(settings.engineEnvironment());
    return environment;
  }

  private String missingEngine(String script) {
    String which =
        settings
            .cli()
            .filter(c -> !c.isBlank())
            .map(c -> "the container command '" + c + "' is not found")
            .orElse("neither podman nor docker is on the PATH");
    return script
        + " runs in a container and needs a container engine, but "
        + which
        + ": install one (apt-get install podman) or run it on the host"
        + " (runtime.container: false, or --runtime-default host)";
  }

  /** What keeps the script from being handed to a container, as one line. */
  private static Optional<String> problem(Execution execution, ContainerRequest request) {
    List<Path> folders = new ArrayList<>(request.mounts());
    folders.addAll(request.readOnlyMounts());
    folders.add(execution.workingFolder());
    for (Path folder : folders) {
      if (folder.toString().contains(":")) {
        return Optional.of(
            "the folder "
                + folder
                + " cannot be mounted into a container: its path holds ':'; use a home and"
                + " build folder whose paths hold none");
      }
      if (!Files.isDirectory(folder)) {
        return Optional.of("the folder " + folder + " does not exist");
      }
    }
    return EnvironmentFile.problem(execution.environment());
  }

  private static Optional<String> containerId(Path idFile) {
    try {
      String id = Files.readString(idFile, StandardCharsets.UTF_8).strip();
      return id.matches("[0-9a-f]{12,64}") ? Optional.of(id) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover file in the job's private folder goes with the build folder
    }
  }
}
