package dev.shiprun.runner.engine.job;

import dev.shiprun.spi.Delivery;
import dev.shiprun.spi.Execution;
import dev.shiprun.spi.ExecutionOutcome;
import dev.shiprun.spi.Notification;
import dev.shiprun.spi.Notifier;
import dev.shiprun.spi.Script;
import dev.shiprun.spi.ScriptOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Delivers as Shippable's notification service did, through the one delivery code path there is:
 * {@code shipctl notify <res>} in a script run on the host with the job's environment. IRC needs no
 * integration: shipctl talks to the server named in the recipients itself.
 */
public final class ShipctlNotifier implements Notifier {

  @Override
  public String name() {
    return "shipctl";
  }

  /** IRC, and the integration types {@code shipctl notify} knows. */
  @Override
  public Set<String> methods() {
    return Set.of(
        "irc", "Slack", "slackKey", "webhook", "webhookV2", "newRelicKey", "airBrakeKey", "jira");
  }

  @Override
  public Delivery send(Notification notification) {
    Map<String, String> env = new LinkedHashMap<>(notification.environment());
    // shipctl notify takes its options from NOTIFY_<OPTION>; variables keep the text unquoted.
    env.put("NOTIFY_TEXT", notification.text());
    env.put("SHIPRUN_NOTIFY_RESOURCE", notification.resource());
    Errors errors = new Errors();
    ExecutionOutcome outcome =
        notification
            .executor()
            .run(
                new Execution(
                    "notify_" + notification.name(),
                    Script.of(List.of("shipctl notify \"$SHIPRUN_NOTIFY_RESOURCE\" >/dev/null")),
                    env,
                    notification.workingFolder(),
                    notification.scriptsFolder(),
                    errors,
                    notification.deadline(),
                    () -> false,
                    notification.runMark(),
                    Optional.empty()));
    if (outcome instanceof ExecutionOutcome.Succeeded) {
      return new Delivery.Delivered();
    }
    if (outcome instanceof ExecutionOutcome.Failed failed) {
      return new Delivery.NotDelivered(errors.reason("shipctl notify exited " + failed.exitCode()));
    }
    if (outcome instanceof ExecutionOutcome.TimedOut) {
      return new Delivery.NotDelivered("no answer within " + Notifications.LIMIT_TEXT);
    }
    if (outcome instanceof ExecutionOutcome.Errored errored) {
      return new Delivery.NotDelivered(errored.reason());
    }
    return new Delivery.NotDelivered("stopped");
  }

  /** What shipctl said on stderr: the reason of a failed delivery, in one line. */
  private static final class Errors implements ScriptOutput {
    private final List<String> lines = new ArrayList<>();
    private final StringBuilder pending = new StringBuilder();

    @Override
    public synchronized void write(Stream stream, byte[] bytes, int offset, int length) {
      if (stream != Stream.STDERR) {
        return;
      }
      pending.append(new String(bytes, offset, length, StandardCharsets.UTF_8));
      int newline;
      while ((newline = pending.indexOf("\n")) >= 0) {
        add(pending.substring(0, newline));
        pending.delete(0, newline + 1);
      }
    }

    @Override
    public synchronized void end(Stream stream) {
      if (stream == Stream.STDERR && pending.length() > 0) {
        add(pending.toString());
        pending.setLength(0);
      }
    }

    private void add(String text) {
      if (!text.isBlank() && lines.size() < 5) {
        lines.add(text.strip());
      }
    }

    synchronized String reason(String fallback) {
      return lines.isEmpty() ? fallback : String.join(" | ", lines);
    }
  }
}
