package dev.shiprun.runner.plugin;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Where plugin jars are found: the {@code *.jar} files of {@code <home>/plugins}, then each entry
 * of {@code SHIPRUN_PLUGINS} (a path list, as {@code PATH}: a jar, or a folder whose {@code *.jar}
 * files are read), folders in name order. A jar named twice is read once.
 */
public final class PluginPath {

  /** The variable of the extra jars and folders. */
  public static final String ENVIRONMENT = "SHIPRUN_PLUGINS";

  /** The folder of a home that holds plugin jars. */
  public static final String FOLDER = "plugins";

  private PluginPath() {}

  /**
   * The jars to load for {@code home}, with {@code variable} the value of {@value #ENVIRONMENT};
   * {@code resolve} makes its relative entries the user's. An entry that does not exist is a {@link
   * PluginException}.
   */
  public static List<Path> jars(Path home, Optional<String> variable, UnaryOperator<Path> resolve) {
    Set<Path> jars = new LinkedHashSet<>();
    Path folder = home.resolve(FOLDER);
    if (Files.isDirectory(folder)) {
      jars.addAll(folder(folder));
    }
    for (String entry : variable.orElse("").split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path path = resolve.apply(Path.of(entry.strip())).toAbsolutePath().normalize();
      if (Files.isDirectory(path)) {
        jars.addAll(folder(path));
      } else if (Files.isRegularFile(path)) {
        jars.add(path);
      } else {
        throw new PluginException(
            ENVIRONMENT
                + " names "
                + path
                + ", which does not exist; give jars or folders of jars, separated by '"
                + File.pathSeparator
                + "'");
      }
    }
    return new ArrayList<>(jars);
  }

  private static List<Path> folder(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
          .map(p -> p.toAbsolutePath().normalize())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new PluginException(
          "plugins folder " + folder + " cannot be read (" + PluginLoader.describe(e) + ")");
    }
  }
}
