package dev.shiprun.runner.shipctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shiprun.model.env.EnvNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A runSh job as the engine lays it out (spec §5) with the variables it exports (spec §3.2–§3.5):
 * the fixture every shipctl test starts from. Dependencies and integrations are written the way the
 * spec says the runner writes them, so the tests pin the contract between engine and shipctl.
 */
final class JobFolder {

  static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;
  private final Shipctl shipctl;
  private final Map<String, String> env = new LinkedHashMap<>();

  private JobFolder(Path root, Shipctl shipctl) {
    this.root = root;
    this.shipctl = shipctl;
  }

  /** A runSh job {@code jobName}, build 7, in {@code dir/build}, with shipctl on its PATH. */
  static JobFolder runSh(Path dir, String jobName) {
    return runSh(dir, jobName, Shipctl.installIn(dir.resolve("tools")));
  }

  /** The same job folder with another shipctl on its PATH. */
  static JobFolder runSh(Path dir, String jobName, Shipctl shipctl) {
    JobFolder job = new JobFolder(dir.resolve("build"), shipctl);
    for (String folder : List.of("IN", "OUT", "state", "previousState", "integrations", "shared")) {
      mkdirs(job.root.resolve(folder));
    }
    String root = job.root.toString();
    job.set("JOB_NAME", jobName)
        .set("JOB_TYPE", "runSh")
        .set("BUILD_NUMBER", "7")
        .set("BUILD_URL", "http://shiprun.test/builds/7")
        .set("JOB_PATH", root)
        .set("BUILD_DIR", root)
        .set("JOB_STATE", root + "/state")
        .set("JOB_PREVIOUS_STATE", root + "/previousState")
        .set("JOB_INTEGRATIONS", root + "/integrations")
        .set("JOB_MESSAGE", root + "/message.json")
        .set("SHARED_DIR", root + "/shared");
    String prefix = EnvNames.of(jobName);
    job.set(prefix + "_NAME", jobName)
        .set(prefix + "_TYPE", "runSh")
        .set(prefix + "_PATH", root)
        .set(prefix + "_STATE", root + "/state")
        .set(prefix + "_PREVIOUS_STATE", root + "/previousState");
    return job;
  }

  JobFolder set(String name, String value) {
    env.put(name, value);
    return this;
  }

  JobFolder unset(String name) {
    env.remove(name);
    return this;
  }

  Path root() {
    return root;
  }

  Path path(String relative) {
    return root.resolve(relative);
  }

  Path jobState() {
    return root.resolve("state");
  }

  Path previousState() {
    return root.resolve("previousState");
  }

  Shipctl installed() {
    return shipctl;
  }

  Shipctl.Result shipctl(String... args) {
    return shipctl.run(env, root, args);
  }

  /** A line of a job script, run by bash in the job folder. */
  Shipctl.Result bash(String script) {
    return shipctl.script(env, root, script);
  }

  Dependency in(String name, String type) {
    return new Dependency(name, type, "IN");
  }

  Dependency out(String name, String type) {
    return new Dependency(name, type, "OUT");
  }

  /** A direct job integration (spec §3.8): files in $JOB_INTEGRATIONS/NAME, prefix NAME. */
  JobFolder directIntegration(String name, String secretJson) {
    Path folder = mkdirs(root.resolve("integrations").resolve(name));
    writeIntegration(folder, EnvNames.of(name), secretJson);
    return this;
  }

  /**
   * The integration files and variables of spec §3.5: integration.json (strings, arrays, object
   * sub-keys flattened, with id and masterName), integration.env (key="value", key='"a","b"'),
   * PREFIX_INTEGRATION_FIELD for strings and arrays, object sub-keys raw and prefixed (§9, 2).
   */
  private void writeIntegration(Path folder, String prefix, String secretJson) {
    ObjectNode flat = JSON.createObjectNode();
    List<String> envLines = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : read(secretJson).properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (value.isObject()) {
        for (Map.Entry<String, JsonNode> sub : value.properties()) {
          String text = sub.getValue().asText();
          flat.put(sub.getKey(), text);
          envLines.add(sub.getKey() + "=\"" + text + "\"");
          set(EnvNames.sanitize(sub.getKey()), text);
          set(prefix + "_INTEGRATION_" + EnvNames.field(sub.getKey()), text);
        }
        continue;
      }
      flat.set(key, value);
      if (key.equals("id") || key.equals("masterName")) {
        continue;
      }
      String text = value.asText();
      if (value.isArray()) {
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add("\"" + item.asText() + "\""));
        text = String.join(",", items);
        envLines.add(key + "='" + text + "'");
      } else {
        envLines.add(key + "=\"" + text + "\"");
      }
      set(prefix + "_INTEGRATION_" + EnvNames.field(key), text);
    }
    write(folder.resolve("integration.json"), flat.toString());
    write(folder.resolve("integration.env"), String.join("\n", envLines) + "\n");
  }

  static JsonNode read(String json) {
    return io(() -> JSON.readTree(json));
  }

  static JsonNode readFile(Path file) {
    return io(() -> JSON.readTree(file.toFile()));
  }

  static String content(Path file) {
    return io(() -> Files.readString(file));
  }

  static Path write(Path file, String content) {
    mkdirs(file.getParent());
    return io(() -> Files.writeString(file, content));
  }

  static Path mkdirs(Path dir) {
    return io(() -> Files.createDirectories(dir));
  }

  /** File access in fixtures: an I/O error fails the test like any other exception. */
  private static <T> T io(IoCall<T> call) {
    try {
      return call.get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface IoCall<T> {
    T get() throws IOException;
  }

  /**
   * One IN or OUT of the job: {@code <op>/<name>/} (= _PATH = _META) with {@code <type>/} (=
   * _STATE) and the variables of spec §3.3.
   */
  final class Dependency {

    private final String type;
    private final String prefix;
    private final Path meta;

    private Dependency(String name, String type, String operation) {
      this.type = type;
      this.prefix = EnvNames.of(name);
      this.meta = mkdirs(root.resolve(operation).resolve(name));
      mkdirs(meta.resolve(type));
      set(prefix + "_NAME", name);
      set(prefix + "_TYPE", type);
      set(prefix + "_OPERATION", operation);
      set(prefix + "_ID", "31");
      set(prefix + "_PATH", meta.toString());
      set(prefix + "_META", meta.toString());
      set(prefix + "_STATE", meta.resolve(type).toString());
    }

    Path meta() {
      return meta;
    }

    /** The {@code <type>/} folder ({@code <NAME>_STATE}). */
    Path state() {
      return meta.resolve(type);
    }

    Dependency version(String versionJson) {
      write(meta.resolve("version.json"), versionJson);
      return this;
    }

    Dependency versionVars(String versionName, long number, long id) {
      set(prefix + "_VERSIONNAME", versionName);
      set(prefix + "_VERSIONNUMBER", Long.toString(number));
      set(prefix + "_VERSIONID", Long.toString(id));
      return this;
    }

    /** A variable {@code <NAME>_<suffix>}. */
    Dependency var(String suffix, String value) {
      set(prefix + "_" + suffix, value);
      return this;
    }

    /** A file in the {@code <type>/} folder. */
    Dependency file(String relative, String content) {
      write(state().resolve(relative), content);
      return this;
    }

    Dependency integration(String secretJson) {
      writeIntegration(meta, prefix, secretJson);
      return this;
    }
  }
}
