package dev.shiprun.runner.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.spi.Notifier;
import dev.shiprun.spi.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The built-in plugins on the test class path, through the real {@code ServiceLoader}. */
class PluginLoaderTest {

  private final ClassLoader application = PluginLoader.class.getClassLoader();
  private final AtomicInteger resourceTypesNamed = new AtomicInteger();
  private final AtomicInteger notifiersNamed = new AtomicInteger();
  private final List<PluginKind<?>> kinds =
      List.of(
          new PluginKind<>(
              "resource type",
              ResourceType.class,
              t -> {
                resourceTypesNamed.incrementAndGet();
                return List.of(PluginName.of(t.name()));
              },
              List.of()),
          new PluginKind<>(
              "notify method",
              Notifier.class,
              n -> {
                notifiersNamed.incrementAndGet();
                return n.methods().stream().sorted().map(PluginName::of).toList();
              },
              List.of()));

  @Test
  void withoutJarsAKindIsLookedUpOnceAndOnlyWhenAskedFor() {
    Plugins plugins = new PluginLoader(application, kinds).load(List.of());
    assertEquals(0, resourceTypesNamed.get() + notifiersNamed.get());

    int resourceTypes = plugins.of(ResourceType.class).size();
    plugins.lineLoader();
    plugins.of(ResourceType.class);

    assertTrue(resourceTypes > 0, "the built-in resource types are found");
    assertEquals(resourceTypes, resourceTypesNamed.get());
    assertEquals(0, notifiersNamed.get(), "the notifiers were not asked for");
  }

  @Test
  void withoutJarsTheListHasEveryKindInTurnAsWhenAllAreLoadedAtOnce() {
    List<LoadedPlugin> listed = new PluginLoader().load(List.of()).listed();

    List<String> kindsInTurn = new ArrayList<>();
    listed.forEach(
        p -> {
          if (kindsInTurn.isEmpty() || !kindsInTurn.get(kindsInTurn.size() - 1).equals(p.kind())) {
            kindsInTurn.add(p.kind());
          }
        });
    assertEquals(PluginKinds.ALL.stream().map(PluginKind::word).toList(), kindsInTurn);
    assertTrue(
        listed.stream()
            .allMatch(p -> p.version().equals(LoadedPlugin.BUILT_IN) && p.jar().isEmpty()));
    assertTrue(
        listed.contains(
            new LoadedPlugin("host", "executor", LoadedPlugin.BUILT_IN, Optional.empty())));
  }

  @Test
  void aBuiltInThatCannotBeNamedIsRefusedWhenItsKindIsAskedFor() {
    PluginKind<Notifier> broken =
        new PluginKind<>(
            "notify method",
            Notifier.class,
            n -> {
              throw new IllegalStateException("no name");
            },
            List.of());
    Plugins plugins = new PluginLoader(application, List.of(kinds.get(0), broken)).load(List.of());
    assertTrue(plugins.of(ResourceType.class).size() > 0, "the other kind loads");

    PluginException refused = assertThrows(PluginException.class, () -> plugins.of(Notifier.class));
    assertTrue(
        refused.getMessage().startsWith("built-in notify method ")
            && refused.getMessage().endsWith(": IllegalStateException: no name"),
        refused.getMessage());
  }
}
