package dev.shiprun.runner.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Loads the plugins of every kind ({@link PluginKinds}): shiprun's own, found by {@link
 * ServiceLoader} on its class path (so on every path a command takes, in the daemon and in a native
 * image), then those of the given jars, each in a class loader of its own. A jar built for other
 * plugin interfaces, a plugin that will not load, or two plugins of one kind with one name is a
 * {@link PluginException}.
 *
 * <p>With no jars, each kind's built-ins are looked up the first time that kind is asked for, so a
 * command that reads only resource types does not scan for and make the others. With jars, every
 * kind is loaded at once, so a broken or conflicting jar is refused by every command that loads
 * plugins, whichever kinds it uses.
 */
public final class PluginLoader {

  private final ClassLoader application;
  private final List<PluginKind<?>> kinds;

  public PluginLoader() {
    this(PluginLoader.class.getClassLoader(), PluginKinds.ALL);
  }

  PluginLoader(ClassLoader application, List<PluginKind<?>> kinds) {
    this.application = application;
    this.kinds = List.copyOf(kinds);
  }

  /** The built-in plugins and those of {@code jars}, in that order. */
  public Plugins load(List<Path> jars) {
    if (jars.isEmpty()) {
      return builtInOnly();
    }
    Loading loading = new Loading();
    for (PluginKind<?> kind : kinds) {
      builtIn(kind, loading);
    }
    List<Class<?>> services = kinds.stream().<Class<?>>map(PluginKind::service).toList();
    for (Path path : jars) {
      PluginJar jar = PluginJar.open(path, services, application);
      for (PluginKind<?> kind : kinds) {
        fromJar(kind, jar, loading);
      }
    }
    List<LoadedPlugin> listed = List.copyOf(loading.listed);
    Map<Class<?>, List<?>> instances = loading.instances();
    return new Plugins(() -> listed, service -> instances.getOrDefault(service, List.of()));
  }

  /** The built-in plugins, each kind loaded when it is first asked for. */
  private Plugins builtInOnly() {
    Map<Class<?>, PluginKind<?>> byService = new HashMap<>();
    kinds.forEach(kind -> byService.put(kind.service(), kind));
    Map<Class<?>, Loading> loaded = new ConcurrentHashMap<>();
    Function<PluginKind<?>, Loading> ofKind =
        kind ->
            loaded.computeIfAbsent(
                kind.service(),
                service -> {
                  Loading loading = new Loading();
                  builtIn(kind, loading);
                  return loading;
                });
    return new Plugins(
        () -> kinds.stream().flatMap(kind -> ofKind.apply(kind).listed.stream()).toList(),
        service ->
            Optional.ofNullable(byService.get(service))
                .map(kind -> ofKind.apply(kind).instances().getOrDefault(service, List.of()))
                .orElse(List.of()));
  }

  private <T> void builtIn(PluginKind<T> kind, Loading loading) {
    for (PluginName name : kind.builtIn()) {
      loading.add(kind, name, Optional.empty(), LoadedPlugin.BUILT_IN);
    }
    try {
      for (T plugin : ServiceLoader.load(kind.service(), application)) {
        List<PluginName> names;
        try {
          names = kind.names().apply(plugin);
        } catch (RuntimeException | LinkageError e) {
          throw new PluginException(
              "built-in " + kind.word() + " " + plugin.getClass().getName() + ": " + describe(e));
        }
        loading.instance(kind, plugin);
        for (PluginName name : names) {
          loading.add(kind, name, Optional.empty(), LoadedPlugin.BUILT_IN);
        }
      }
    } catch (ServiceConfigurationError | LinkageError e) {
      throw new PluginException("built-in " + kind.word() + " cannot be loaded: " + describe(e));
    }
  }

  private <T> void fromJar(PluginKind<T> kind, PluginJar jar, Loading loading) {
    for (String className : jar.entries(kind.service())) {
      T plugin = jar.instantiate(kind, className);
      List<PluginName> names;
      try {
        names = List.copyOf(kind.names().apply(plugin));
      } catch (RuntimeException | LinkageError e) {
        throw jar.broken(kind, className, describe(e));
      }
      for (PluginName name : names) {
        if (name.name().isBlank()) {
          throw jar.broken(kind, className, "its name is empty");
        }
      }
      loading.instance(kind, plugin);
      for (PluginName name : names) {
        loading.add(kind, name, Optional.of(jar.path()), jar.version());
      }
    }
  }

  /** The exception's simple name and message, on one line. */
  static String describe(Throwable e) {
    String message = e.getMessage();
    String what = e.getClass().getSimpleName();
    return message == null || message.isBlank()
        ? what
        : what + ": " + message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /** What is loaded so far, and who took each name of each kind. */
  private static final class Loading {

    private final List<LoadedPlugin> listed = new ArrayList<>();
    private final Map<Class<?>, List<Object>> instances = new LinkedHashMap<>();
    private final Map<Class<?>, Map<String, LoadedPlugin>> taken = new HashMap<>();

    void instance(PluginKind<?> kind, Object plugin) {
      instances.computeIfAbsent(kind.service(), k -> new ArrayList<>()).add(plugin);
    }

    void add(PluginKind<?> kind, PluginName name, Optional<Path> jar, String version) {
      Map<String, LoadedPlugin> names = taken.computeIfAbsent(kind.service(), k -> new HashMap<>());
      LoadedPlugin loaded = new LoadedPlugin(name.name(), kind.word(), version, jar);
      Set<String> own = new HashSet<>();
      for (String each : name.all()) {
        String key = each.toLowerCase(Locale.ROOT);
        if (!own.add(key)) {
          continue;
        }
        LoadedPlugin before = names.putIfAbsent(key, loaded);
        if (before != null) {
          throw conflict(kind, each, loaded, before);
        }
      }
      listed.add(loaded);
    }

    Map<Class<?>, List<?>> instances() {
      Map<Class<?>, List<?>> out = new LinkedHashMap<>();
      instances.forEach((k, v) -> out.put(k, List.copyOf(v)));
      return out;
    }

    private static PluginException conflict(
        PluginKind<?> kind, String name, LoadedPlugin loaded, LoadedPlugin before) {
      String who = loaded.jar().map(j -> "plugin " + j).orElse("built-in");
      if (before.jar().isEmpty()) {
        return new PluginException(
            who
                + ": "
                + kind.word()
                + " '"
                + name
                + "' is a built-in "
                + kind.word()
                + " of shiprun; a plugin may not reuse a built-in name: rename the plugin's "
                + kind.word());
      }
      if (before.jar().equals(loaded.jar())) {
        return new PluginException(
            who
                + ": "
                + kind.word()
                + " '"
                + name
                + "' is added twice by this jar; two plugins of one kind may not share a name:"
                + " rename one");
      }
      return new PluginException(
          who
              + ": "
              + kind.word()
              + " '"
              + name
              + "' is also added by "
              + before.jar().get()
              + "; two plugins of one kind may not share a name: remove one of the jars");
    }
  }
}
