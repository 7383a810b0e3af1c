package dev.shiprun.runner.cli;

import dev.shiprun.runner.engine.log.ShownVersions;
import dev.shiprun.runner.secrets.IntegrationStoreException;
import dev.shiprun.runner.store.StoredVersion;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shiprun versions NAME}: the versions of a resource or job, newest first, masked with the
 * secrets of the home's integrations (the engine stores no secret in a version; this is the second
 * line, for versions stored otherwise).
 */
@Command(
    name = "versions",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the versions of a resource or job, newest first.",
      "Number, versionName, the run",
      "that made it, and its properties."
    },
    footer = {"", "Exit codes: 0 ok, 1 no such name in the store, 2 usage error."})
public class VersionsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HomeOptions homeOptions = new HomeOptions();

  @Parameters(paramLabel = "RESOURCE_OR_JOB", description = "The resource or job name.")
  String name;

  @Option(
      names = "--line",
      paramLabel = "NAME",
      description = "The line it belongs to, when several lines use the name.")
  Optional<String> line = Optional.empty();

  @Mixin OutputOption output = new OutputOption();

  private final ShiprunHome home;
  private final IntegrationStores integrations;

  public VersionsCommand(ShiprunHome home, IntegrationStores integrations) {
    this.home = home;
    this.integrations = integrations;
  }

  @Override
  public Integer call() {
    return StoreCommands.withStore(
        spec,
        "versions",
        home.resolve(homeOptions.home),
        store -> {
          PrintWriter out = spec.commandLine().getOut();
          PrintWriter err = spec.commandLine().getErr();
          List<String> lines = store.transaction(c -> store.versions().linesWith(c, name));
          String chosen;
          if (line.isPresent()) {
            chosen = line.get();
          } else if (lines.size() == 1) {
            chosen = lines.get(0);
          } else if (lines.isEmpty()) {
            err.println("shiprun versions: no versions of '" + name + "' in the store");
            err.flush();
            return ExitCode.FAILED.code();
          } else {
            err.println(
                "shiprun versions: '"
                    + name
                    + "' is in several lines ("
                    + String.join(", ", lines)
                    + "); choose one with --line");
            err.flush();
            return ExitCode.USAGE.code();
          }
          List<StoredVersion> versions =
              shown(err).versions(store.transaction(c -> store.versions().list(c, chosen, name)));
          if (versions.isEmpty()) {
            err.println("shiprun versions: no versions of '" + name + "' in line '" + chosen + "'");
            err.flush();
            return ExitCode.FAILED.code();
          }
          if (output.json()) {
            List<Object> json = new ArrayList<>();
            for (StoredVersion v : versions) {
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("line", v.line());
              row.put("name", v.name());
              row.put("kind", v.kind().wire());
              row.put("versionNumber", v.number());
              row.put("versionName", v.versionName().orElse(null));
              row.put("versionId", v.id());
              row.put(
                  "createdByRun",
                  v.createdByRun().isPresent() ? v.createdByRun().getAsLong() : null);
              row.put("createdAt", v.createdAt().toString());
              row.put("propertyBag", v.propertyBag());
              json.add(row);
            }
            out.println(StoreCommands.json(json));
          } else {
            out.println(name + " (" + versions.get(0).kind().wire() + ", line " + chosen + ")");
            for (StoredVersion v : versions) {
              out.println(
                  "  #"
                      + v.number()
                      + v.versionName().map(n -> "  " + n).orElse("")
                      + "  "
                      + (v.createdByRun().isPresent()
                          ? "run " + v.createdByRun().getAsLong()
                          : "from YAML")
                      + "  "
                      + v.createdAt());
              Map<String, Object> shown = new LinkedHashMap<>(v.propertyBag());
              shown.remove("trace");
              shown.remove("yml");
              if (!shown.isEmpty()) {
                out.println("      " + StoreCommands.json(shown).replace("\n", "\n      "));
              }
            }
          }
          out.flush();
          return ExitCode.OK.code();
        });
  }

  /** A masker of the home's integrations; none (with a warning) when they cannot be opened. */
  private ShownVersions shown(PrintWriter err) {
    try {
      return ShownVersions.of(integrations.of(homeOptions.home).load().values());
    } catch (IntegrationStoreException e) {
      err.println(
          "shiprun versions: warning: the home's integrations cannot be opened to mask with ("
              + e.getMessage()
              + "); versions are shown as stored");
      return ShownVersions.of(List.of());
    }
  }
}
