package dev.shiprun.runner.plugin;

import dev.shiprun.model.integration.IntegrationType;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.spi.IntegrationTypeProvider;
import dev.shiprun.spi.ResourceType;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every kind of plugin shiprun loads, one line each: the word for it, its interface, and for
 * integration types the names the model defines itself (spec §3.5). A new kind whose plugins each
 * have one name is {@code PluginKind.named("executor", Executor.class)}.
 */
final class PluginKinds {

  static final List<PluginKind<?>> ALL =
      List.of(
          PluginKind.named("resource type", ResourceType.class),
          new PluginKind<>(
              "integration type",
              IntegrationTypeProvider.class,
              p -> names(p.types()),
              names(IntegrationTypes.builtIn().all())));

  private PluginKinds() {}

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
