package dev.shiprun.runner.ci.notify;

import dev.shiprun.model.ci.CiConfig;
import dev.shiprun.model.ci.CiNotification;
import dev.shiprun.model.ci.NotifyWhen;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.runner.ci.CiNotifications;
import dev.shiprun.runner.exec.RunToken;
import dev.shiprun.spi.BodyOutcome;
import dev.shiprun.spi.Delivery;
import dev.shiprun.spi.JobContext;
import dev.shiprun.spi.Notification;
import dev.shiprun.spi.Notifier;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A CI build's {@code integrations.notifications}: each entry whose {@code branches} match the
 * build's branch goes out through the notifier of its method (the Notifier plugins: Slack, webhook
 * and IRC through {@code shipctl notify}, email not sent locally) when its {@code on_start}, {@code
 * on_success}, {@code on_failure} or {@code on_cancel} says so. {@code change} compares with the
 * last build of the same branch, kept in the job's data folder. Each entry ends in one line of the
 * job's log; a delivery never changes the build's status.
 */
public final class BuildNotifications implements CiNotifications {

  /** How long one delivery may take. */
  private static final Duration LIMIT = Duration.ofSeconds(30);

  @Override
  public void started(JobContext context, CiConfig config, String branch) {
    send(context, config, branch, NotifyRule.ON_START, "processing", Optional.empty());
  }

  @Override
  public void ended(JobContext context, CiConfig config, String branch, BodyOutcome outcome) {
    String status = outcome.ending().name().toLowerCase(Locale.ROOT);
    LastStatus last = new LastStatus(context.dataFolder());
    Optional<String> previous = last.of(branch);
    try {
      last.set(branch, status);
    } catch (IOException e) {
      context.say(
          "cannot keep the status of branch "
              + branch
              + " for 'change' notifications: "
              + e.getMessage());
    }
    NotifyRule rule =
        switch (outcome.ending()) {
          case SUCCESS -> NotifyRule.ON_SUCCESS;
          case CANCELLED -> NotifyRule.ON_CANCEL;
          case FAILURE, ERROR, TIMEOUT -> NotifyRule.ON_FAILURE;
        };
    boolean changed = previous.map(p -> !p.equals(status)).orElse(true);
    send(context, config, branch, rule, status, Optional.of(changed));
  }

  /**
   * Sends each entry that {@code rule} lets through; {@code changed} is empty at the start, where
   * {@code change} does not apply.
   */
  private void send(
      JobContext context,
      CiConfig config,
      String branch,
      NotifyRule rule,
      String status,
      Optional<Boolean> changed) {
    List<CiNotification> entries = config.integrations().notifications();
    for (int i = 0; i < entries.size(); i++) {
      CiNotification entry = entries.get(i);
      if (!entry.integration().branches().matches(branch)) {
        continue;
      }
      String name = entry.integration().integrationName();
      String what = "NOTIFY " + name + " (" + rule.yamlName() + ")";
      Optional<String> method = NotifyTarget.method(entry, context.integrations());
      NotifyWhen when = rule.when(entry, method.orElse(""));
      if (when == NotifyWhen.NEVER || when == NotifyWhen.CHANGE && !changed.orElse(false)) {
        continue;
      }
      if (method.isEmpty()) {
        context.say(
            what
                + " not sent: no integration named '"
                + name
                + "'; add it with 'shiprun integration add', or write type: email or irc");
        continue;
      }
      context.say(
          what
              + " "
              + deliver(context, entry, method.get(), rule, i, text(context, rule, status, branch))
                  .text());
    }
  }

  private Delivery deliver(
      JobContext context,
      CiNotification entry,
      String method,
      NotifyRule rule,
      int index,
      String text) {
    Optional<Notifier> notifier = context.notifier(method);
    if (notifier.isEmpty()) {
      return new Delivery.NotSent("shiprun has no notifier for " + method + " notifications");
    }
    Optional<Integration> integration =
        Optional.ofNullable(context.integrations().get(entry.integration().integrationName()));
    Map<String, String> env = new LinkedHashMap<>(context.environment());
    try {
      env.putAll(NotifyTarget.variables(entry, method, integration, context.scriptsFolder()));
    } catch (IOException e) {
      return new Delivery.NotSent("cannot write its files: " + e.getMessage());
    }
    return notifier
        .get()
        .send(
            new Notification(
                entry.integration().integrationName(),
                method,
                "ci_" + rule.yamlName() + "_" + index,
                text,
                env,
                context.buildFolder(),
                context.scriptsFolder(),
                Instant.now().plus(LIMIT),
                context.host(),
                RunToken.random().value()));
  }

  /** {@code [<job>] <event>: build #<n>, run <id>, status <status>, branch <branch>}. */
  private static String text(JobContext context, NotifyRule rule, String status, String branch) {
    return "["
        + context.job().name()
        + "] "
        + rule.yamlName()
        + ": build #"
        + context.buildNumber()
        + ", run "
        + context.runId()
        + ", status "
        + status
        + (branch.isEmpty() ? "" : ", branch " + branch);
  }
}
