package dev.shiprun.runner.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.runner.ci.CiJobType;
import dev.shiprun.runner.plugin.PluginLoader;
import dev.shiprun.runner.plugin.Plugins;
import dev.shiprun.spi.Delivery;
import dev.shiprun.spi.Execution;
import dev.shiprun.spi.ExecutionOutcome;
import dev.shiprun.spi.Executor;
import dev.shiprun.spi.JobType;
import dev.shiprun.spi.Notification;
import dev.shiprun.spi.Notifier;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The built-in plugins are found through their services entries, and chosen by name. */
class JobPluginsTest {

  /** Stands in for the host executor, which needs a process launcher. */
  private static final Executor HOST =
      new Executor() {
        @Override
        public String name() {
          return "host";
        }

        @Override
        public ExecutionOutcome run(Execution execution) {
          return new ExecutionOutcome.Succeeded(List.of());
        }
      };

  private final Plugins loaded = new PluginLoader().load(List.of());
  private final JobPlugins plugins =
      new JobPlugins(loaded.of(JobType.class), List.of(HOST), loaded.of(Notifier.class));

  @Test
  void theBuiltInsAreFoundByName() {
    assertInstanceOf(RunShJobType.class, plugins.jobType("runSh").orElseThrow());
    assertInstanceOf(RunShJobType.class, plugins.jobType("runCLI").orElseThrow());
    assertInstanceOf(CiJobType.class, plugins.jobType("runCI").orElseThrow());
    assertEquals(Optional.of(HOST), plugins.executor("host"));
  }

  @Test
  void eachNotifyMethodHasItsNotifier() {
    for (String method : List.of("irc", "slackKey", "Slack", "webhookV2", "jira")) {
      assertInstanceOf(ShipctlNotifier.class, plugins.notifier(method).orElseThrow(), method);
    }
    assertInstanceOf(EmailNotifier.class, plugins.notifier("email").orElseThrow());
    assertEquals(Optional.empty(), plugins.notifier("no method"));
  }

  @Test
  void twoNotifiersOfOneMethodAreRefusedNamingBoth() {
    Notifier other =
        new Notifier() {
          @Override
          public String name() {
            return "email";
          }

          @Override
          public Delivery send(Notification notification) {
            return new Delivery.Delivered();
          }
        };
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new JobPlugins(List.of(), List.of(), List.of(new EmailNotifier(), other)));
    assertTrue(
        e.getMessage().startsWith("two plugins give the notify method 'email': "), e.getMessage());
    assertTrue(e.getMessage().contains(EmailNotifier.class.getName()), e.getMessage());
  }
}
