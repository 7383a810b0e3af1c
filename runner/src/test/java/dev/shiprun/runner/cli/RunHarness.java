package dev.shiprun.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs shiprun commands against one home and reads their JSON. */
final class RunHarness {

  private final QuarkusMainLauncher launcher;
  private final Path home;

  RunHarness(QuarkusMainLauncher launcher, Path home) {
    this.launcher = launcher;
    this.home = home;
  }

  /** {@code shiprun run LINE ARGS… --home HOME -o json}; the summary. */
  Summary run(String line, String... args) throws Exception {
    List<String> all =
        new ArrayList<>(List.of("run", line, "--home", home.toString(), "-o", "json"));
    all.addAll(List.of(args));
    LaunchResult result = launcher.launch(all.toArray(String[]::new));
    String out = result.getOutput();
    JsonNode json = out.isBlank() ? null : new ObjectMapper().readTree(out);
    return new Summary(result, json);
  }

  /** {@code shiprun trigger NAME LINE ARGS… --home HOME -o json}; the summary. */
  Summary trigger(String name, String line, String... args) throws Exception {
    List<String> all =
        new ArrayList<>(List.of("trigger", name, line, "--home", home.toString(), "-o", "json"));
    all.addAll(List.of(args));
    LaunchResult result = launcher.launch(all.toArray(String[]::new));
    String out = result.getOutput();
    JsonNode json = out.isBlank() ? null : new ObjectMapper().readTree(out);
    return new Summary(result, json);
  }

  JsonNode versions(String name) throws Exception {
    LaunchResult result =
        launcher.launch("versions", name, "--home", home.toString(), "-o", "json");
    if (result.exitCode() != 0) {
      throw new AssertionError("versions " + name + ": " + result.getErrorOutput());
    }
    return new ObjectMapper().readTree(result.getOutput());
  }

  String log(long runId) {
    LaunchResult result = launcher.launch("logs", Long.toString(runId), "--home", home.toString());
    if (result.exitCode() != 0) {
      throw new AssertionError("logs " + runId + ": " + result.getErrorOutput());
    }
    return result.getOutput();
  }

  record Summary(LaunchResult result, JsonNode json) {

    int exitCode() {
      return result.exitCode();
    }

    List<String> jobs() {
      List<String> out = new ArrayList<>();
      json.get("runs").forEach(r -> out.add(r.get("job").asText()));
      return out;
    }

    JsonNode run(String job) {
      for (JsonNode r : json.get("runs")) {
        if (r.get("job").asText().equals(job)) {
          return r;
        }
      }
      throw new AssertionError("no run of " + job + " in " + json);
    }

    String status(String job) {
      return run(job).get("status").asText();
    }

    long runId(String job) {
      return run(job).get("runId").asLong();
    }

    String describe() {
      return result.getErrorOutput() + "\n" + result.getOutput();
    }
  }
}
