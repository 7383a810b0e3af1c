package dev.shiprun.runner.cli;

import dev.shiprun.runner.plugin.LoadedPlugin;
import dev.shiprun.runner.plugin.Plugins;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shiprun plugins}: what shiprun loaded, its own plugins and those of the home's {@code
 * plugins} folder and {@code SHIPRUN_PLUGINS}, one name a line.
 */
@Command(
    name = "plugins",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the plugins shiprun loaded: name, kind, version and jar.",
      "shiprun's own come first (version built-in), then those of the jars in <home>/plugins"
          + " and in SHIPRUN_PLUGINS (jars or folders of jars, separated by ':')."
    },
    footer = {
      "",
      "Exit codes: 0 ok, 2 usage error, 3 a plugin cannot be loaded (one line says which and why)."
    })
public class PluginsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HomeOptions homeOptions = new HomeOptions();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text or json. Default: ${DEFAULT-VALUE}.")
  OutputFormat output;

  private final HomePlugins plugins;

  public PluginsCommand(HomePlugins plugins) {
    this.plugins = plugins;
  }

  @Override
  public Integer call() {
    Plugins loaded = plugins.of(homeOptions.home);
    PrintWriter out = spec.commandLine().getOut();
    if (output == OutputFormat.JSON) {
      List<Object> rows = new ArrayList<>();
      loaded.listed().forEach(p -> rows.add(row(p)));
      out.println(StoreCommands.json(rows));
    } else {
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"NAME", "KIND", "VERSION", "JAR"});
      for (LoadedPlugin p : loaded.listed()) {
        rows.add(new String[] {p.name(), p.kind(), p.version(), jar(p)});
      }
      int[] widths = new int[3];
      for (String[] row : rows) {
        for (int i = 0; i < widths.length; i++) {
          widths[i] = Math.max(widths[i], row[i].length());
        }
      }
      for (String[] row : rows) {
        out.printf(
            "%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %s%n",
            row[0],
            row[1],
            row[2],
            row[3]);
      }
    }
    out.flush();
    return ExitCode.OK.code();
  }

  private static String jar(LoadedPlugin p) {
    return p.jar().map(Path::toString).orElse("-");
  }

  private static Map<String, Object> row(LoadedPlugin p) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", p.name());
    row.put("kind", p.kind());
    row.put("version", p.version());
    row.put("jar", p.jar().map(Path::toString).orElse(null));
    return row;
  }
}
