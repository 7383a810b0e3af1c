package dev.shiprun.runner.container;

import dev.shiprun.runner.exec.Command;
import dev.shiprun.runner.exec.OutputSink;
import dev.shiprun.runner.exec.ProcessWait;
import dev.shiprun.spi.CancelSignal;
import dev.shiprun.spi.ContainerRequest;
import dev.shiprun.spi.ContainerRequest.RegistryGrant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Makes a script's image present: pulls it with the job's own credentials file (podman's {@code
 * --authfile}, docker's {@code DOCKER_CONFIG}), never a login and never a password in an argument;
 * or, when the script asks for no pull, leaves it to the container's {@code run} to find it.
 *
 * @param client the container command
 * @param grace how long a cancelled pull gets to end after TERM
 */
record ImagePull(EngineClient client, Duration grace) {

  /** How making the image present went. */
  sealed interface Result {
    /** The image is there; {@code notes} are for the outcome. */
    record Present(List<String> notes) implements Result {}

    /** It is not, for the reason given in one line. */
    record Missing(String reason) implements Result {}

    /** The pull was stopped by a cancellation or the deadline. */
    record Stopped(boolean cancelled) implements Result {}
  }

  /** Pulls {@code image} (when the request says so) or checks it is here. */
  Result prepare(
      ImageReference image,
      ContainerRequest request,
      OutputSink output,
      CancelSignal cancel,
      long deadlineNanos) {
    return request.pull()
        ? pull(image, request, output, cancel, deadlineNanos)
        : new Result.Present(List.of());
  }

  /**
   * The line for an image that is not here when the TASK says {@code pull: false}; the engine's
   * {@code run} finds that out itself, which saves asking first.
   */
  static String notHere(ImageReference image, ContainerEngine engine) {
    return "the image "
        + image
        + " is not on this machine and the TASK says 'pull: false': set 'pull: true' in"
        + " its runtime.options, or pull it first ("
        + engine.name()
        + " pull "
        + image
        + ")";
  }

  /** Whether an engine's error says it has no such image (podman's wording, then docker's). */
  static boolean saysNotHere(String engineError) {
    String said = engineError.toLowerCase(Locale.ROOT);
    return said.contains("image not known")
        || said.contains("no such image")
        || said.contains("unable to find image");
  }

  private Result pull(
      ImageReference image,
      ContainerRequest request,
      OutputSink output,
      CancelSignal cancel,
      long deadlineNanos) {
    String registry = image.registry();
    Optional<RegistryGrant> grant = request.grantFor(registry);
    List<String> notes = new ArrayList<>();
    List<String> args = new ArrayList<>(List.of("pull"));
    Map<String, String> extra = Map.of();
    boolean docker = client.engine().kind() == ContainerEngine.Kind.DOCKER;
    if (request.authFile().isPresent()) {
      Path authFile = request.authFile().get().toAbsolutePath();
      if (docker) {
        extra = Map.of("DOCKER_CONFIG", authFile.getParent().toString());
      } else {
        args.addAll(List.of("--authfile", authFile.toString()));
      }
    }
    say(output, "pulling " + image);
    if (grant.isPresent() && grant.get().plainHttp()) {
      String integration = grant.get().integration();
      if (docker) {
        String note =
            "registry "
                + registry
                + " of integration '"
                + integration
                + "' is plain HTTP: the docker daemon reaches it only when its"
                + " insecure-registries setting lists it";
        say(output, note);
        notes.add(note);
      } else {
        args.add("--tls-verify=false");
        say(
            output,
            "registry "
                + registry
                + " of integration '"
                + integration
                + "' is plain HTTP: pulls from it skip TLS");
      }
    }
    args.add(image.value());
    EngineClient.Running running;
    TailSink tail = new TailSink(new StderrOnly(output));
    try {
      running = client.start(args, extra, tail);
    } catch (IOException e) {
      return new Result.Missing("cannot start " + client.engine().cli() + ": " + e.getMessage());
    }
    ProcessWait.Ending ending = ProcessWait.until(running.process(), cancel, deadlineNanos);
    if (ending != ProcessWait.Ending.EXITED) {
      stop(running.process());
    }
    running.pump().finish(Duration.ofSeconds(5));
    if (ending == ProcessWait.Ending.INTERRUPTED) {
      Thread.currentThread().interrupt();
    }
    if (ending != ProcessWait.Ending.EXITED) {
      return new Result.Stopped(ending != ProcessWait.Ending.TIMED_OUT);
    }
    int code = running.process().exitValue();
    if (code == 0) {
      return new Result.Present(notes);
    }
    String said = tail.stderr().toLowerCase(Locale.ROOT);
    if (said.contains("unauthorized") || said.contains("authentication required")) {
      return new Result.Missing(
          grant
              .map(
                  g ->
                      "registry "
                          + registry
                          + " refused the credentials of Docker Registry integration '"
                          + g.integration()
                          + "' to pull "
                          + image
                          + ": fix the integration's username and password")
              .orElse(
                  "registry "
                      + registry
                      + " asks for credentials to pull "
                      + image
                      + " and no Docker Registry integration of the job covers it: add one to"
                      + " the job's integrations or to its image resource"));
    }
    if (said.contains("server gave http response to https client")) {
      return new Result.Missing(
          "registry "
              + registry
              + " answers over plain HTTP and no Docker Registry integration of the job says so:"
              + " give the job an integration for it whose url starts with http://");
    }
    return new Result.Missing(
        "pulling " + image + " failed with exit code " + code + ": " + tail.lastLine());
  }

  /** TERM, the grace period, then KILL: a pull has no container to stop. */
  private void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(Math.max(1, grace.toMillis()), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** One line of shiprun's own in the script's output. */
  static void say(OutputSink output, String line) {
    byte[] bytes = ("shiprun: " + line + "\n").getBytes(StandardCharsets.UTF_8);
    output.write(OutputSink.Channel.STDERR, bytes, 0, bytes.length);
  }

  static String describe(Command.Result result) {
    if (result instanceof Command.Result.Exited exited) {
      String[] lines = exited.stderr().strip().split("\\R");
      return "exit code "
          + exited.code()
          + (lines.length == 0 ? "" : ", " + lines[lines.length - 1]);
    }
    if (result instanceof Command.Result.TimedOut timedOut) {
      return "no answer within " + timedOut.limit().toSeconds() + " s";
    }
    return ((Command.Result.NotStarted) result).reason();
  }
}
