package dev.shiprun.runner.plugin;

import dev.shiprun.spi.Plugin;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A kind of plugin: the interface its plugins implement (the name of their {@code
 * META-INF/services} file), the word messages and {@code shiprun plugins} use for it, what one
 * plugin of it adds, and what shiprun defines of it besides its class-path plugins.
 *
 * @param word how people call the kind, e.g. {@code resource type}
 * @param service the interface
 * @param names what one plugin adds, by name: one for most kinds, several for a provider
 * @param builtIn names of this kind shiprun defines without a class of its own
 */
public record PluginKind<T>(
    String word,
    Class<T> service,
    Function<? super T, List<PluginName>> names,
    List<PluginName> builtIn) {

  public PluginKind {
    Objects.requireNonNull(word, "word");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(names, "names");
    builtIn = List.copyOf(builtIn);
  }

  /** A kind whose plugins are each one name ({@link Plugin#name}). */
  static <T extends Plugin> PluginKind<T> named(String word, Class<T> service) {
    return new PluginKind<>(word, service, p -> List.of(PluginName.of(p.name())), List.of());
  }
}
