package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A plugin jar made by a test: manifest attributes, {@code META-INF/services} files, and classes
 * compiled from Java sources against the plugin interfaces on the test's class path.
 */
final class PluginJarBuilder {

  private final Map<String, String> manifest = new LinkedHashMap<>();
  private final Map<String, List<String>> services = new LinkedHashMap<>();
  private final Map<String, String> sources = new LinkedHashMap<>();

  PluginJarBuilder manifest(String attribute, String value) {
    manifest.put(attribute, value);
    return this;
  }

  /** {@code className} listed in the services file of {@code service}. */
  PluginJarBuilder service(Class<?> service, String className) {
    services.computeIfAbsent(service.getName(), k -> new ArrayList<>()).add(className);
    return this;
  }

  /** A class of the jar: its fully qualified name and its source. */
  PluginJarBuilder source(String className, String source) {
    sources.put(className, source);
    return this;
  }

  Path write(Path jar, Path work) throws IOException {
    Path classes = compile(work.resolve("classes-" + jar.getFileName()));
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
    Files.createDirectories(jar.getParent());
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, mf)) {
      for (Map.Entry<String, List<String>> e : services.entrySet()) {
        out.putNextEntry(new JarEntry("META-INF/services/" + e.getKey()));
        out.write((String.join("\n", e.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
      try (Stream<Path> files = Files.walk(classes)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
          out.write(Files.readAllBytes(f));
          out.closeEntry();
        }
      }
    }
    return jar;
  }

  private Path compile(Path classes) throws IOException {
    Files.createDirectories(classes);
    if (sources.isEmpty()) {
      return classes;
    }
    Path src = classes.resolveSibling(classes.getFileName() + "-src");
    List<String> args =
        new ArrayList<>(
            List.of(
                "--release",
                "17",
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                classes.toString()));
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertTrue(javac.run(null, null, null, args.toArray(String[]::new)) == 0, "javac " + args);
    return classes;
  }
}
