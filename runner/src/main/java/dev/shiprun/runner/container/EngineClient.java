package dev.shiprun.runner.container;

import dev.shiprun.runner.exec.Command;
import dev.shiprun.runner.exec.OutputPump;
import dev.shiprun.runner.exec.OutputSink;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Runs the container command: with shiprun's own environment and the engine's settings over it
 * (plus the variables a container gets by name), never the job's; no input; its output streamed to
 * a sink, or read whole for a short question to the engine.
 *
 * @param engine the command
 * @param environment the engine's settings, set over shiprun's environment
 * @param readers the threads that read a streamed command's output
 */
record EngineClient(ContainerEngine engine, Map<String, String> environment, Executor readers) {

  /** A command started with its output streaming into a sink. */
  record Running(Process process, OutputPump pump) {}

  /** Starts {@code args} with {@code extra} added to its environment, streaming to {@code sink}. */
  Running start(List<String> args, Map<String, String> extra, OutputSink sink) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(engine.cli().toString());
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectInput(Redirect.from(new File("/dev/null")));
    builder.environment().putAll(environment);
    builder.environment().putAll(extra);
    Process process = builder.start();
    return new Running(process, OutputPump.start(process, sink, readers));
  }

  /** Runs a short command to its end, its output read whole. */
  Command.Result ask(List<String> args, Duration timeout) {
    List<String> command = new ArrayList<>();
    command.add(engine.cli().toString());
    command.addAll(args);
    try {
      return new Command(command, Path.of("/"), environment, Set.of(), timeout).run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Command.Result.NotStarted("interrupted");
    }
  }
}
