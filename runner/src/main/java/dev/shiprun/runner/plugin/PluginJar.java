package dev.shiprun.runner.plugin;

import dev.shiprun.spi.SpiVersion;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

/**
 * One plugin jar: its manifest checked against this shiprun's {@link SpiVersion}, its {@code
 * META-INF/services} entries, and a class loader of its own over shiprun's, so its classes see the
 * plugin interfaces and the model.
 */
final class PluginJar {

  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");
  private static final String SERVICES = "META-INF/services/";

  private final Path path;
  private final String version;
  private final Map<String, List<String>> services;
  private final ClassLoader loader;

  private PluginJar(
      Path path, String version, Map<String, List<String>> services, ClassLoader loader) {
    this.path = path;
    this.version = version;
    this.services = services;
    this.loader = loader;
  }

  /**
   * Reads {@code path}: refused when it is not a jar, or its manifest does not name a plugin
   * interface version this shiprun has (the same major, a minor not newer).
   */
  static PluginJar open(Path path, List<Class<?>> kinds, ClassLoader parent) {
    Manifest manifest;
    Map<String, List<String>> services = new HashMap<>();
    try (JarFile jar = new JarFile(path.toFile())) {
      manifest = Optional.ofNullable(jar.getManifest()).orElseGet(Manifest::new);
      for (Class<?> kind : kinds) {
        ZipEntry entry = jar.getEntry(SERVICES + kind.getName());
        if (entry != null) {
          services.put(
              kind.getName(), classNames(new String(readAll(jar, entry), StandardCharsets.UTF_8)));
        }
      }
    } catch (IOException e) {
      throw new PluginException(
          "plugin "
              + path
              + ": cannot be read as a jar ("
              + PluginLoader.describe(e)
              + "); remove it, or put a plugin jar in its place");
    }
    Attributes main = manifest.getMainAttributes();
    checkSpiVersion(path, main.getValue(SpiVersion.MANIFEST_ATTRIBUTE));
    String version =
        Optional.ofNullable(main.getValue(Attributes.Name.IMPLEMENTATION_VERSION))
            .filter(v -> !v.isBlank())
            .orElse("-");
    return new PluginJar(path, version, Map.copyOf(services), classLoader(path, parent));
  }

  Path path() {
    return path;
  }

  /** The jar's {@code Implementation-Version}, or {@code -}. */
  String version() {
    return version;
  }

  /** The class names of the jar's {@code META-INF/services} file of {@code service}. */
  List<String> entries(Class<?> service) {
    return services.getOrDefault(service.getName(), List.of());
  }

  /** A new instance of the class {@code className} of this jar, a plugin of {@code kind}. */
  <T> T instantiate(PluginKind<T> kind, String className) {
    Class<?> type;
    try {
      type = Class.forName(className, false, loader);
    } catch (ClassNotFoundException e) {
      throw broken(kind, className, "class not found");
    } catch (LinkageError e) {
      throw broken(kind, className, PluginLoader.describe(e));
    }
    if (!kind.service().isAssignableFrom(type)) {
      throw broken(kind, className, "it does not implement " + kind.service().getName());
    }
    try {
      return kind.service().cast(type.getConstructor().newInstance());
    } catch (NoSuchMethodException e) {
      throw broken(kind, className, "it has no public constructor without parameters");
    } catch (InvocationTargetException e) {
      throw broken(kind, className, "its constructor threw " + PluginLoader.describe(e.getCause()));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      throw broken(kind, className, PluginLoader.describe(e));
    }
  }

  /** A plugin of this jar that cannot be used, and why. */
  PluginException broken(PluginKind<?> kind, String className, String reason) {
    return new PluginException(
        "plugin "
            + path
            + ": "
            + kind.word()
            + " "
            + className
            + " cannot be loaded: "
            + reason
            + "; rebuild the plugin for shiprun's plugin interfaces "
            + SpiVersion.text()
            + ", or remove the jar");
  }

  private static void checkSpiVersion(Path path, String declared) {
    String fix = "; use a build of the plugin for " + SpiVersion.text() + ", or remove the jar";
    if (declared == null || declared.isBlank()) {
      throw new PluginException(
          "plugin "
              + path
              + ": its manifest has no "
              + SpiVersion.MANIFEST_ATTRIBUTE
              + ", so shiprun cannot tell which plugin interfaces it was built for"
              + fix);
    }
    Matcher m = VERSION.matcher(declared.strip());
    if (!m.matches()) {
      throw new PluginException(
          "plugin "
              + path
              + ": its manifest's "
              + SpiVersion.MANIFEST_ATTRIBUTE
              + " '"
              + declared.strip()
              + "' is not MAJOR.MINOR"
              + fix);
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    if (major != SpiVersion.MAJOR || minor > SpiVersion.MINOR) {
      throw new PluginException(
          "plugin "
              + path
              + ": built for shiprun's plugin interfaces "
              + major
              + "."
              + minor
              + " ("
              + SpiVersion.MANIFEST_ATTRIBUTE
              + "), this shiprun has "
              + SpiVersion.text()
              + (major == SpiVersion.MAJOR
                  ? "; use a newer shiprun, a build of the plugin for "
                      + SpiVersion.text()
                      + ", or remove the jar"
                  : fix));
    }
  }

  /** The class names of a services file: one a line, {@code #} starts a comment. */
  static List<String> classNames(String text) {
    Set<String> names = new LinkedHashSet<>();
    for (String line : text.split("\\R")) {
      int hash = line.indexOf('#');
      String name = (hash < 0 ? line : line.substring(0, hash)).strip();
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return new ArrayList<>(names);
  }

  private static byte[] readAll(JarFile jar, ZipEntry entry) throws IOException {
    try (var in = jar.getInputStream(entry)) {
      return in.readAllBytes();
    }
  }

  private static ClassLoader classLoader(Path path, ClassLoader parent) {
    try {
      return new URLClassLoader(
          "plugin " + path.getFileName(), new URL[] {path.toUri().toURL()}, parent);
    } catch (MalformedURLException e) {
      throw new PluginException("plugin " + path + ": " + PluginLoader.describe(e));
    }
  }
}
