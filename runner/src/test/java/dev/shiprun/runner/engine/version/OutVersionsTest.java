package dev.shiprun.runner.engine.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.Job;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.runner.engine.TestLines;
import dev.shiprun.runner.engine.workspace.Workspace;
import dev.shiprun.runner.resource.ResourceTypes;
import dev.shiprun.runner.store.NewVersion;
import dev.shiprun.runner.store.StateArchive;
import dev.shiprun.runner.store.StoredVersion;
import dev.shiprun.runner.store.VersionKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OUT-version algorithm of spec §1.5.1, one row per sentence: job {@code build} ran and
 * succeeded with one OUT step; from the versions it read, the {@code $JOB_STATE/<res>.env} it wrote
 * and the state files it left, does the OUT get a new version, and which. A second table does the
 * same for the job's own version ("Job version").
 *
 * <p>The rows are data; {@link #outs} and {@link #jobVersion} are the only calls into the engine.
 */
class OutVersionsTest {

  /** The sha of the row's state files, in versions given and expected. */
  private static final String FILES_SHA = "<files-sha>";

  private static final List<OutRow> OUT_ROWS =
      List.of(
          out("§1.5.1 1+5: a versionName that differs from the latest version's makes a new version")
              .step("img")
              .latest("img", "1.0", Map.of("sourceName", "org/app"))
              .env("versionName=1.1")
              .expect("1.1 {sourceName: org/app}"),
          out("§1.5.1 5: the same versionName and propertyBag make no new version")
              .step("img")
              .latest("img", "1.0", Map.of("sourceName", "org/app"))
              .env("versionName=1.0\nsourceName=org/app")
              .expect("none"),
          out("§1.5.1 5: nothing written, nothing changed: no new version")
              .step("img")
              .latest("img", "1.0", Map.of("sourceName", "org/app"))
              .expect("none"),
          out("§1.5.1 4+5: another key goes into the propertyBag, which then differs")
              .step("img")
              .latest("img", "1.0", Map.of("sourceName", "org/app"))
              .env("commit=abc")
              .expect("1.0 {commit: abc, sourceName: org/app}"),
          out("§1.5.1 5: compared ignoring trace, sourceObjectId, sourceObjectType")
              .step("img")
              .latest("img", "1.0", Map.of("trace", List.of("old"), "sourceObjectId", "7"))
              .env("sourceObjectId=8\nsourceObjectType=resource")
              .expect("none"),
          out("§1.5.1 1: start from the latest version, empty if none")
              .step("img")
              .env("commit=abc")
              .expect("- {commit: abc}"),
          out("§1.5.1 2: overwrite replaces the propertyBag, keeping only shaData and webhook keys")
              .step("img\n        overwrite: true")
              .latest(
                  "img",
                  "1.0",
                  Map.of(
                      "sourceName", "org/app",
                      "shaData", "s1",
                      "webhookRequestHeaders", "h",
                      "webhookRequestBody", "b"))
              .expect("1.0 {shaData: s1, webhookRequestBody: b, webhookRequestHeaders: h}"),
          out("§1.5.1 2: overwrite gives a params resource params: {}")
              .step("conf\n        overwrite: true")
              .latest("conf", null, Map.of("params", Map.of("LEVEL", "1")))
              .env("FRESH=yes")
              .expect("- {params: {FRESH: yes}}"),
          out("§1.5.1 3: replicate copies the IN's versionName and its whole propertyBag")
              .step("img\n        replicate: base")
              .latest("img", "1.0", Map.of("sourceName", "org/app", "own", "1"))
              .latest("base", "2.0", Map.of("sourceName", "org/base", "x", "1"))
              .expect("2.0 {own: 1, sourceName: org/base, x: 1}"),
          out("§1.5.1 3: a gitRepo IN replicates only shaData, webhookRequestHeaders and -Body")
              .step("mirror\n        replicate: repo")
              .latest(
                  "repo",
                  "c0ffee",
                  Map.of(
                      "shaData", "c0ffee",
                      "branch", "main",
                      "webhookRequestBody", "b",
                      "webhookRequestHeaders", "h"))
              .expect("c0ffee {shaData: c0ffee, webhookRequestBody: b, webhookRequestHeaders: h}"),
          out("§1.5.1 3: replicating the same version again makes no new version")
              .step("img\n        replicate: base")
              .latest("img", "2.0", Map.of("sourceName", "org/base"))
              .latest("base", "2.0", Map.of("sourceName", "org/base"))
              .expect("none"),
          out("§1.5.1 4 after 3: the .env file is applied after replicate")
              .step("img\n        replicate: base")
              .latest("base", "2.0", Map.of("sourceName", "org/base"))
              .env("versionName=2.1")
              .expect("2.1 {sourceName: org/base}"),
          out("§1.5.1 4: a params resource's keys go into propertyBag.params")
              .step("conf")
              .latest("conf", null, Map.of("params", Map.of("LEVEL", "1")))
              .env("LEVEL=2")
              .expect("- {params: {LEVEL: 2}}"),
          out("§1.5.1 4: the .env file is named after the resource, unsanitised")
              .step("my-res")
              .latest("my-res", "1", Map.of())
              .env("versionName=2")
              .expect("2 {}"),
          out("§9 7: a .env value is split on the first '=' only, quotes kept as written")
              .step("img")
              .latest("img", "1.0", Map.of())
              .env("commit=a=b\nlabel=\"x y\"")
              .expect("1.0 {commit: a=b, label: \"x y\"}"),
          out("§1.5.1 6: a state OUT's versionName and shaData are the sha of OUT/<res>/state")
              .step("st")
              .stateFiles(Map.of("a.txt", "1"))
              .expect(FILES_SHA + " {shaData: " + FILES_SHA + "}"),
          out("§1.5.1 6+5: the same state files as the latest version make no new version")
              .step("st")
              .latest("st", FILES_SHA, Map.of("shaData", FILES_SHA))
              .stateFiles(Map.of("a.txt", "1"))
              .expect("none"),
          out("§1.3.2 OUT: <job> orders jobs and has no version of its own")
              .step("next")
              .expect("none"));

  private static final List<JobRow> JOB_ROWS =
      List.of(
          new JobRow(
              "§1.5.1 Job version: sha of the saved $JOB_STATE files, on failure too",
              false,
              Map.of("build.env", "versionName=9", "outputVersion.json", "{\"extra\":1}"),
              "- {sha: " + FILES_SHA + "}"),
          new JobRow(
              "§1.5.1 Job version: on success outputVersion.json is merged in",
              true,
              Map.of("outputVersion.json", "{\"extra\":1,\"label\":\"x\"}"),
              "- {extra: 1, label: x, sha: " + FILES_SHA + "}"),
          new JobRow(
              "§1.5.1 Job version: on success <job>.env sets versionName and other keys",
              true,
              Map.of("build.env", "versionName=9\nnote=hi"),
              "9 {note: hi, sha: " + FILES_SHA + "}"),
          new JobRow(
              "§1.5 every run creates a job version, with no versionName unless the job wrote one",
              true,
              Map.of(),
              "- {sha: " + FILES_SHA + "}"));

  private static final String LINE =
      """
      resources:
        - name: img
          type: image
          versionTemplate:
            sourceName: org/app
            versionName: "1.0"
        - name: base
          type: image
          versionTemplate:
            sourceName: org/base
            versionName: "2.0"
        - name: my-res
          type: image
          versionTemplate:
            sourceName: org/mine
            versionName: "1"
        - name: conf
          type: params
          versionTemplate:
            params:
              LEVEL: "1"
        - name: st
          type: state
        - name: repo
          type: gitRepo
          versionTemplate:
            sourceName: org/repo
            branch: main
        - name: mirror
          type: gitRepo
          versionTemplate:
            sourceName: org/mirror
            branch: main
      jobs:
        - name: next
          type: runSh
          steps:
            - TASK:
                script:
                  - "true"
        - name: build
          type: runSh
          steps:
            - IN: base
            - IN: repo
            - TASK:
                script:
                  - "true"
            - OUT: %s
      """;

  private static final List<Object> TRACE = List.of("build#7");

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> eachSentenceOfTheOutVersionAlgorithm() {
    return OUT_ROWS.stream()
        .map(
            r ->
                dynamicTest(
                    r.name(), () -> assertEquals(r.expected(), outs(r, folder(r)), r.name())));
  }

  @TestFactory
  Stream<DynamicTest> eachSentenceOfTheJobVersion() {
    return JOB_ROWS.stream()
        .map(
            r ->
                dynamicTest(
                    r.name(),
                    () -> assertEquals(r.expected(), jobVersion(r, folder(r)), r.name())));
  }

  /** Runs the OUT part of §1.5.1 for the row: the one call into the engine. */
  private static String outs(OutRow row, Path root) throws IOException {
    AssemblyLine line = TestLines.parse(LINE.formatted(row.step()));
    Job build = line.job("build").orElseThrow();
    Workspace ws = Workspace.create(root, Optional.empty());
    String out = row.step().lines().findFirst().orElseThrow();
    Files.writeString(ws.state().resolve(out + ".env"), row.env(), StandardCharsets.UTF_8);
    Path stateFolder = ws.outState(out, "state");
    Files.createDirectories(stateFolder);
    for (Map.Entry<String, String> f : row.stateFiles().entrySet()) {
      Files.writeString(stateFolder.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
    String filesSha = StateArchive.pack(stateFolder).sha();
    Map<String, StoredVersion> read = new LinkedHashMap<>();
    row.latest().forEach((name, v) -> read.put(name, stored(name, v, filesSha)));
    RunInputs inputs = new RunInputs(read, Optional.empty(), Map.of(), Map.of());
    List<NewVersion> made =
        new OutVersions(new ObjectMapper(), ResourceTypes.load())
            .outs("line", line, build, ws, inputs, 7, TRACE);
    if (made.isEmpty()) {
      return "none";
    }
    assertEquals(1, made.size(), "one OUT step, at most one version: " + made);
    NewVersion v = made.get(0);
    assertEquals(out, v.name());
    assertEquals(VersionKind.RESOURCE, v.kind());
    assertEquals(OptionalLong.of(7), v.createdByRun());
    assertEquals(TRACE, v.propertyBag().get("trace"), "§1.5.1 5: a new version has a trace");
    return describe(v, filesSha);
  }

  /** Runs "Job version" of §1.5.1 for the row: the one call into the engine. */
  private static String jobVersion(JobRow row, Path root) throws IOException {
    AssemblyLine line = TestLines.parse(LINE.formatted("img"));
    Job build = line.job("build").orElseThrow();
    Workspace ws = Workspace.create(root, Optional.empty());
    for (Map.Entry<String, String> f : row.stateFiles().entrySet()) {
      Files.writeString(ws.state().resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
    String filesSha = StateArchive.pack(ws.state()).sha();
    NewVersion v =
        new OutVersions(new ObjectMapper(), ResourceTypes.load())
            .job("line", build, ws, row.success(), 7, TRACE);
    assertEquals("build", v.name());
    assertEquals(VersionKind.JOB, v.kind());
    assertEquals(filesSha, v.files().orElseThrow().sha(), "the job's state files are saved");
    assertEquals(TRACE, v.propertyBag().get("trace"));
    return describe(v, filesSha);
  }

  /** A build folder of its own for each row (one that does not exist yet). */
  private Path folder(Object row) throws IOException {
    return Files.createTempDirectory(tmp, "row").resolve("build");
  }

  private static StoredVersion stored(String name, Version v, String filesSha) {
    Optional<String> versionName = Optional.ofNullable(v.name()).map(n -> sha(n, filesSha));
    Map<String, Object> bag = new LinkedHashMap<>();
    v.bag().forEach((k, value) -> bag.put(k, value instanceof String s ? sha(s, filesSha) : value));
    return new StoredVersion(
        1,
        "line",
        name,
        VersionKind.RESOURCE,
        1,
        versionName,
        bag,
        Optional.empty(),
        OptionalLong.empty(),
        Instant.EPOCH);
  }

  private static String sha(String text, String filesSha) {
    return text.replace(FILES_SHA, filesSha);
  }

  /** {@code <versionName or -> {key: value, …}}: the propertyBag without trace, keys sorted. */
  private static String describe(NewVersion v, String filesSha) {
    Map<String, Object> bag = new TreeMap<>(v.propertyBag());
    bag.remove("trace");
    return (v.versionName().orElse("-") + " " + render(bag)).replace(filesSha, FILES_SHA);
  }

  /** A map as {@code {key: value, …}}, keys sorted: a key or value holding '=' stays readable. */
  private static String render(Object value) {
    if (value instanceof Map<?, ?> map) {
      StringJoiner out = new StringJoiner(", ", "{", "}");
      new TreeMap<>(map).forEach((k, v) -> out.add(k + ": " + render(v)));
      return out.toString();
    }
    return String.valueOf(value);
  }

  private static OutRow out(String name) {
    return new OutRow(name, "", new LinkedHashMap<>(), "", Map.of(), "");
  }

  /** A version read by the run: versionName (null for none) and propertyBag. */
  record Version(String name, Map<String, Object> bag) {}

  /**
   * One sentence: the OUT step as written after {@code OUT: } (options on the following lines), the
   * latest versions the run read, {@code $JOB_STATE/<res>.env}, the files under {@code
   * OUT/<res>/state}, and the version expected ({@code none}, or {@code <versionName> {bag}}).
   */
  record OutRow(
      String name,
      String step,
      Map<String, Version> latest,
      String env,
      Map<String, String> stateFiles,
      String expected) {

    OutRow step(String s) {
      return new OutRow(name, s, latest, env, stateFiles, expected);
    }

    OutRow latest(String resource, String versionName, Map<String, Object> bag) {
      Map<String, Version> more = new LinkedHashMap<>(latest);
      more.put(resource, new Version(versionName, bag));
      return new OutRow(name, step, more, env, stateFiles, expected);
    }

    OutRow env(String text) {
      return new OutRow(name, step, latest, text, stateFiles, expected);
    }

    OutRow stateFiles(Map<String, String> files) {
      return new OutRow(name, step, latest, env, files, expected);
    }

    OutRow expect(String version) {
      return new OutRow(name, step, latest, env, stateFiles, version);
    }
  }

  /** One sentence about the job's version: success, the files in $JOB_STATE, the version. */
  record JobRow(String name, boolean success, Map<String, String> stateFiles, String expected) {}
}
