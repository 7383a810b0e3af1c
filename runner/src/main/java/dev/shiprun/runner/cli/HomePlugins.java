package dev.shiprun.runner.cli;

import dev.shiprun.runner.plugin.PluginLoader;
import dev.shiprun.runner.plugin.PluginPath;
import dev.shiprun.runner.plugin.Plugins;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plugins a command uses: the built-in ones and the jars of its home's {@code plugins} folder
 * and of {@code SHIPRUN_PLUGINS}, loaded once per home for the process.
 */
public class HomePlugins {

  private final ShiprunHome home;
  private final CallerEnvironment environment;
  private final WorkingDirectory workingDirectory;
  private final PluginLoader loader = new PluginLoader();
  private final Map<Path, Plugins> loaded = new ConcurrentHashMap<>();

  public HomePlugins(
      ShiprunHome home, CallerEnvironment environment, WorkingDirectory workingDirectory) {
    this.home = home;
    this.environment = environment;
    this.workingDirectory = workingDirectory;
  }

  /** The plugins of the home {@code --home} names, or of the default home. */
  public Plugins of(Optional<Path> homeOption) {
    return of(home.resolve(homeOption));
  }

  public Plugins of(Path homeDir) {
    return loaded.computeIfAbsent(
        homeDir,
        h ->
            loader.load(
                PluginPath.jars(
                    h,
                    Optional.ofNullable(environment.variables().get(PluginPath.ENVIRONMENT)),
                    p -> workingDirectory.resolve(List.of(p)).get(0))));
  }
}
