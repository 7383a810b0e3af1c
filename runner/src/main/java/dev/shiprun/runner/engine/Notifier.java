package dev.shiprun.runner.engine;

import dev.shiprun.model.Job;
import dev.shiprun.model.NotificationResource;
import dev.shiprun.model.NotifyStep;
import dev.shiprun.model.Resource;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.runner.exec.Cancellation;
import dev.shiprun.runner.exec.Launch;
import dev.shiprun.runner.exec.LaunchResult;
import dev.shiprun.runner.exec.OutputSink;
import dev.shiprun.runner.exec.ProcessLauncher;
import dev.shiprun.runner.exec.RunToken;
import dev.shiprun.runner.exec.TaskOutcome;
import dev.shiprun.runner.exec.TaskScript;
import dev.shiprun.runner.exec.TaskScriptFile;
import dev.shiprun.runner.store.RunStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers a job's NOTIFY entries (spec §1.3.4), as Shippable's notification service did, through
 * the one delivery code path there is: {@code shipctl notify <res>} in a generated script, launched
 * like a hook with the job's environment (plus the resource's own variables when it is not an IN).
 * A delivery never changes the job's status: each one ends in one line of the job's log.
 */
final class Notifier {

  /** How long one delivery may take; a hanging endpoint must not hold the job's end for long. */
  private static final Duration LIMIT = Duration.ofSeconds(30);

  /** What every notification of one run shares. */
  record Context(
      Job job,
      AssemblyLine line,
      long runId,
      int buildNumber,
      Workspace ws,
      Map<String, String> env,
      Map<String, Map<String, String>> targets,
      JobLog log) {}

  private final ProcessLauncher launcher;

  Notifier(ProcessLauncher launcher) {
    this.launcher = launcher;
  }

  /** Sends the NOTIFY entries of {@code event}'s section, if any, each on its own. */
  void send(Context run, HookEvent event, RunStatus status) {
    List<NotifyStep> steps = event.section(run.job().hooks()).notifications();
    for (int i = 0; i < steps.size(); i++) {
      String name = steps.get(i).target().name();
      String what = "NOTIFY " + name + " (" + event.yamlName() + ")";
      Optional<Resource> resource = run.line().resource(name);
      if (resource.isEmpty() || !(resource.get() instanceof NotificationResource)) {
        run.log().runner(what + " not sent: " + name + " is not a notification resource");
        continue;
      }
      String method = resource.get().definition().text("method").orElse("no method");
      if (resource.get().integration().isEmpty() && !method.equals("irc")) {
        // email was sent by Shippable's servers; there is no mail set-up here. IRC needs none:
        // shipctl notify talks to the server named in the recipients itself.
        run.log()
            .runner(
                what
                    + " not sent: shiprun cannot deliver "
                    + method
                    + " notifications locally (only IRC and integrations such as Slack or"
                    + " webhook)");
      } else {
        deliver(run, what, name, text(run, event, status), event.yamlName() + "_" + i);
      }
    }
  }

  /**
   * {@code [<job>] <event>: build #<n>, run <id>, status <status>} — the job and the event first,
   * as they are what a reader of a channel looks for.
   */
  static String text(Context run, HookEvent event, RunStatus status) {
    return "["
        + run.job().name()
        + "] "
        + event.yamlName()
        + ": build #"
        + run.buildNumber()
        + ", run "
        + run.runId()
        + ", status "
        + status.wire();
  }

  private void deliver(Context run, String what, String name, String text, String file) {
    Map<String, String> env = new LinkedHashMap<>(run.env());
    env.putAll(run.targets().getOrDefault(name, Map.of()));
    // shipctl notify takes its options from NOTIFY_<OPTION>; variables keep the text unquoted.
    env.put("NOTIFY_TEXT", text);
    env.put("SHIPRUN_NOTIFY_RESOURCE", name);
    Errors errors = new Errors();
    String result;
    try {
      TaskScriptFile written =
          TaskScript.of(List.of("shipctl notify \"$SHIPRUN_NOTIFY_RESOURCE\" >/dev/null"))
              .writeTo(run.ws().scripts(), "notify_" + file);
      LaunchResult launched =
          launcher.run(
              new Launch(written.wrapper(), run.ws().root(), env, RunToken.random(), LIMIT),
              errors,
              new Cancellation());
      if (launched instanceof LaunchResult.Exited exited) {
        result =
            written.outcome(exited.code()) instanceof TaskOutcome.Failed
                ? "not delivered: " + errors.reason("shipctl notify exited " + exited.code())
                : "delivered";
      } else if (launched instanceof LaunchResult.TimedOut) {
        result = "not delivered: no answer within " + TaskSequence.minutes(LIMIT);
      } else if (launched instanceof LaunchResult.Errored errored) {
        result = "not delivered: " + errored.reason();
      } else {
        result = "not delivered: stopped";
      }
    } catch (IOException e) {
      result = "not delivered: cannot write the notify script: " + e.getMessage();
    }
    run.log().runner(what + " " + result);
  }

  /**
   * What shipctl said on stderr (its first MiB): the reason of a failed delivery, in one line of
   * its first five lines that are not blank.
   */
  private static final class Errors implements OutputSink {
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @Override
    public synchronized void write(Channel channel, byte[] bytes, int off, int len) {
      if (channel == Channel.STDERR) {
        stderr.write(bytes, off, Math.min(len, MAX_LINE_BYTES - stderr.size()));
      }
    }

    @Override
    public void end(Channel channel) {}

    synchronized String reason(String fallback) {
      List<String> lines =
          Arrays.stream(stderr.toString(StandardCharsets.UTF_8).split("\n"))
              .filter(line -> !line.isBlank())
              .limit(5)
              .map(String::strip)
              .toList();
      return lines.isEmpty() ? fallback : String.join(" | ", lines);
    }
  }
}
