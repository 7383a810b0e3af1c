package dev.shiprun.runner.engine.job;

import dev.shiprun.model.NotifyStep;
import dev.shiprun.model.Resource;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.runner.exec.RunToken;
import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.spi.Delivery;
import dev.shiprun.spi.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a job's NOTIFY entries of one section (spec §1.3.4), each through the notifier of its
 * method, with the job's environment (plus the resource's own variables when it is not an IN). A
 * delivery never changes the job's status: each one ends in one line of the job's log.
 */
final class Notifications {

  /** How long one delivery may take; a hanging endpoint must not hold the job's end for long. */
  static final Duration LIMIT = Duration.ofSeconds(30);

  static final String LIMIT_TEXT = TaskSequence.minutes(LIMIT);

  private final JobPlugins plugins;

  Notifications(JobPlugins plugins) {
    this.plugins = plugins;
  }

  /** Why a method without a notifier is not sent. */
  static String cannotDeliver(String method) {
    return "shiprun cannot deliver "
        + method
        + " notifications locally (only IRC and integrations such as Slack or webhook)";
  }

  /** Sends the NOTIFY entries of {@code event}'s section, if any, each on its own. */
  void send(JobRun run, HookEvent event, RunStatus status) {
    List<NotifyStep> steps = event.section(run.job().hooks()).notifications();
    for (int i = 0; i < steps.size(); i++) {
      String name = steps.get(i).target().name();
      String what = "NOTIFY " + name + " (" + event.yamlName() + ")";
      Optional<Resource> resource = run.assemblyLine().resource(name);
      if (resource.isEmpty() || !resource.get().isNotificationTarget()) {
        run.log().runner(what + " not sent: " + name + " is not a notification resource");
        continue;
      }
      String method = method(resource.get(), run.request().integrations());
      String file = event.yamlName() + "_" + i;
      Delivery delivery =
          plugins
              .notifier(method)
              .<Delivery>map(
                  n -> n.send(notification(run, name, method, file, text(run, event, status))))
              .orElseGet(() -> new Delivery.NotSent(cannotDeliver(method)));
      run.log().runner(what + " " + delivery.text());
    }
  }

  /**
   * A resource's {@code method: irc} (shipctl then talks to the server itself), else the type of
   * its integration, else its {@code method}.
   */
  private static String method(Resource resource, Map<String, Integration> integrations) {
    Optional<String> method = resource.definition().text("method");
    if (method.filter("irc"::equals).isPresent() || resource.integration().isEmpty()) {
      return method.orElse("no method");
    }
    String integration = resource.integration().get().name();
    Integration known = integrations.get(integration);
    return known == null ? integration : known.type().masterName();
  }

  private static Notification notification(
      JobRun run, String name, String method, String file, String text) {
    BuildFolder folder = run.folder().orElseThrow();
    Map<String, String> env = new LinkedHashMap<>(run.environment().orElseThrow());
    env.putAll(folder.notifyValues().getOrDefault(name, Map.of()));
    return new Notification(
        name,
        method,
        file,
        text,
        env,
        folder.workspace().root(),
        folder.workspace().scripts(),
        Instant.now().plus(LIMIT),
        run.host(),
        RunToken.random().value());
  }

  /**
   * {@code [<job>] <event>: build #<n>, run <id>, status <status>} — the job and the event first,
   * as they are what a reader of a channel looks for.
   */
  static String text(JobRun run, HookEvent event, RunStatus status) {
    return "["
        + run.job().name()
        + "] "
        + event.yamlName()
        + ": build #"
        + run.run().buildNumber()
        + ", run "
        + run.run().id()
        + ", status "
        + status.wire();
  }
}
