package dev.shiprun.runner.plugin;

import dev.shiprun.model.integration.IntegrationType;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.spi.Executor;
import dev.shiprun.spi.IntegrationTypeProvider;
import dev.shiprun.spi.JobType;
import dev.shiprun.spi.Notifier;
import dev.shiprun.spi.ResourceType;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every kind of plugin shiprun loads, one line each: the word for it, its interface, and for
 * integration types the names the model defines itself (spec §3.5). A new kind whose plugins each
 * have one name is {@code PluginKind.named("executor", Executor.class)}.
 */
final class PluginKinds {

  /** The name of the executor that runs scripts with bash on this machine. */
  static final String HOST_EXECUTOR = "host";

  /** The name of the executor that runs scripts in containers (podman or docker). */
  static final String CONTAINER_EXECUTOR = "container";

  static final List<PluginKind<?>> ALL =
      List.of(
          PluginKind.named("resource type", ResourceType.class),
          new PluginKind<>(
              "integration type",
              IntegrationTypeProvider.class,
              p -> names(p.types()),
              names(IntegrationTypes.builtIn().all())),
          new PluginKind<>("job type", JobType.class, t -> each(t.types()), List.of()),
          // The host and container executors are made by the engine with its process launcher and
          // the node's container settings, not by a services entry, so their names are reserved.
          new PluginKind<>(
              "executor",
              Executor.class,
              e -> List.of(PluginName.of(e.name())),
              List.of(PluginName.of(HOST_EXECUTOR), PluginName.of(CONTAINER_EXECUTOR))),
          new PluginKind<>("notify method", Notifier.class, n -> each(n.methods()), List.of()));

  private PluginKinds() {}

  private static List<PluginName> each(Set<String> names) {
    return names.stream().sorted().map(PluginName::of).toList();
  }

  private static List<PluginName> names(List<IntegrationType> types) {
    return types.stream()
        .map(
            t ->
                new PluginName(
                    t.masterName(),
                    Stream.concat(Stream.of(t.displayName()), t.aliases().stream()).toList()))
        .toList();
  }
}
