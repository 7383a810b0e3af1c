package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.exec.Containment;
import dev.shiprun.runner.exec.ContainmentProbe;
import dev.shiprun.runner.exec.ExecOptions;
import dev.shiprun.runner.store.Store;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shiprun doctor} in this JVM: one line per check, the containment as the probe finds it,
 * the engine, the home, its store (never made by the doctor) and its plugins, the JSON report.
 */
@QuarkusMainTest
class DoctorCommandTest {

  private static final String NO_ENGINE = "/nonexistent/podman";

  @TempDir Path temp;

  private Path mounted;

  @AfterEach
  void unmount() throws Exception {
    if (mounted != null) {
      PackagedJar.tool("umount", "-l", mounted.toString());
    }
  }

  @Test
  void reportsEveryCheckOnALineOfItsOwn(QuarkusMainLauncher launcher) {
    Path home = temp.resolve("home");

    LaunchResult result = launcher.launch("doctor", "--home", home.toString());

    assertEquals(0, result.exitCode(), result.getOutput() + result.getErrorOutput());
    List<String> lines = result.getOutput().lines().toList();
    List<String> names = lines.stream().map(l -> l.substring(6, l.indexOf(':'))).toList();
    List<String> expected =
        new ArrayList<>(
            List.of(
                "processes",
                "bash",
                "setsid",
                "containment",
                "jq",
                "git",
                "curl",
                "openssl",
                "envsubst",
                "engine"));
    if (names.contains("engine storage")) {
      expected.add("engine storage");
    }
    expected.addAll(List.of("image", "home", "disk", "store", "plugins"));
    assertEquals(expected, names, result.getOutput());
    for (String line : lines) {
      assertTrue(line.matches("(ok   |warn |fail ) \\S.*"), line);
    }
    Containment containment = new ContainmentProbe(ExecOptions.defaults(System.getenv())).detect();
    assertEquals(
        (containment.holdsEscapees() ? "ok    " : "warn  ") + containment.describe(), lines.get(3));
    assertTrue(lines.get(1).matches("ok    bash: /\\S+ [45]\\.\\d+.*"), lines.get(1));
    assertTrue(lines.get(4).startsWith("ok    jq: /"), lines.get(4));
    assertTrue(lines.get(5).startsWith("ok    git: /"), lines.get(5));
    assertTrue(
        lines.contains("ok    home: " + home + " (made by the first command that needs it)"),
        result.getOutput());
    assertTrue(
        lines.contains(
            "ok    store: no store yet in " + home.resolve("store") + " (made by the first run)"),
        result.getOutput());
    assertTrue(
        lines.stream()
            .anyMatch(l -> l.matches("(ok   |warn ) disk: [\\d.]+ [MG]iB free for the home.*")),
        result.getOutput());
    assertTrue(
        lines.get(lines.size() - 1).matches("ok    plugins: \\d+ loaded, all built in .*"),
        lines.get(lines.size() - 1));
    assertFalse(Files.exists(home), "the doctor makes no home");
  }

  @Test
  void aHomeThatCannotBeMadeFailsTheCheck(QuarkusMainLauncher launcher) throws Exception {
    Path file = Files.writeString(temp.resolve("file"), "not a folder");
    Path home = file.resolve("home");

    LaunchResult result = launcher.launch("doctor", "--home", home.toString());

    assertEquals(1, result.exitCode(), result.getOutput());
    assertTrue(
        result
            .getOutput()
            .contains(
                "fail  home: "
                    + home
                    + " cannot be made ("
                    + file
                    + " is not a writable folder): choose another with --home or SHIPRUN_HOME"),
        result.getOutput());
  }

  @Test
  void aHomeOnAReadOnlyFileSystemFailsItsChecks(QuarkusMainLauncher launcher) throws Exception {
    Path home = Files.createDirectories(temp.resolve("home"));
    Path mount = Files.createDirectories(temp.resolve("read-only"));
    PackagedJar.require(
        PackagedJar.tool("mount", "--bind", "-o", "ro", home.toString(), mount.toString()) == 0,
        "mount --bind -o ro (root with CAP_SYS_ADMIN)");
    mounted = mount;

    LaunchResult result =
        launcher.launch("doctor", "--home", mount.toString(), "--container-cli", NO_ENGINE);

    assertEquals(1, result.exitCode(), result.getOutput());
    List<String> lines = result.getOutput().lines().toList();
    assertTrue(
        lines.contains(
            "fail  home: "
                + mount
                + " is not writable for user "
                + System.getProperty("user.name")
                + ": make it writable (chmod u+rwx "
                + mount
                + ") or choose another with --home or SHIPRUN_HOME"),
        result.getOutput());
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    l.startsWith("fail  store: the home " + mount)
                        && l.contains("read-only file system")),
        result.getOutput());
  }

  @Test
  void aHomeOthersMayWriteIsAWarning(QuarkusMainLauncher launcher) throws Exception {
    Path home = Files.createDirectories(temp.resolve("home"));
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));

    LaunchResult result =
        launcher.launch("doctor", "--home", home.toString(), "--container-cli", NO_ENGINE);

    assertEquals(0, result.exitCode(), result.getOutput());
    assertTrue(
        result
            .getOutput()
            .contains(
                "warn  home: "
                    + home
                    + " has mode 0777: other users may write into it, and its plugins folder holds"
                    + " code shiprun runs: chmod go-w "
                    + home
                    + "\n"),
        result.getOutput());
  }

  @Test
  void aMissingEngineIsAWarningWithTheInstallHint(QuarkusMainLauncher launcher) {
    Path home = temp.resolve("home");

    LaunchResult result =
        launcher.launch(
            "doctor",
            "--home",
            home.toString(),
            "--container-cli",
            NO_ENGINE,
            "--default-image",
            "localhost/doctor-test:1");

    assertEquals(0, result.exitCode(), result.getOutput());
    List<String> lines = result.getOutput().lines().toList();
    assertTrue(
        lines.contains(
            "warn  engine: "
                + NO_ENGINE
                + " (--container-cli) not found, so container TASKs cannot run (host TASKs can):"
                + " apt-get install podman, or keep TASKs on the host (runtime.container: false);"
                + " or name a container command of this machine"),
        result.getOutput());
    assertTrue(
        lines.contains(
            "warn  image: localhost/doctor-test:1 not checked: no container engine answered (see"
                + " engine)"),
        result.getOutput());
    assertFalse(result.getOutput().contains("engine storage"), result.getOutput());
  }

  @Test
  void anExistingStoreOpensWithoutBeingChanged(QuarkusMainLauncher launcher) throws Exception {
    Path home = temp.resolve("home");
    Store.open(home, new ObjectMapper()).close();
    Path database = home.resolve("store/shiprun.mv.db");
    long before = Files.getLastModifiedTime(database).toMillis();
    long size = Files.size(database);

    LaunchResult result =
        launcher.launch("doctor", "--home", home.toString(), "--container-cli", NO_ENGINE);

    assertEquals(0, result.exitCode(), result.getOutput());
    assertTrue(
        result.getOutput().contains("ok    store: " + home.resolve("store") + " opens, 0 runs\n"),
        result.getOutput());
    assertEquals(size, Files.size(database));
    assertEquals(before, Files.getLastModifiedTime(database).toMillis());
  }

  @Test
  void aPluginJarThatCannotBeReadFailsThePluginsCheck(QuarkusMainLauncher launcher)
      throws Exception {
    Path home = temp.resolve("home");
    Path jar = Files.createDirectories(home.resolve("plugins")).resolve("broken.jar");
    Files.writeString(jar, "not a jar");

    LaunchResult result =
        launcher.launch("doctor", "--home", home.toString(), "--container-cli", NO_ENGINE);

    assertEquals(1, result.exitCode(), result.getOutput());
    String last = result.getOutput().lines().reduce((a, b) -> b).orElse("");
    assertTrue(
        last.startsWith("fail  plugins: plugin " + jar + ": cannot be read as a jar ("), last);
    assertTrue(last.endsWith("; remove it, or put a plugin jar in its place"), last);
  }

  @Test
  void jsonHoldsTheWorstStatusAndEveryCheck(QuarkusMainLauncher launcher) throws Exception {
    Path home = temp.resolve("home");

    LaunchResult result =
        launcher.launch(
            "doctor", "--home", home.toString(), "--container-cli", NO_ENGINE, "-o", "json");

    assertEquals(0, result.exitCode(), result.getOutput() + result.getErrorOutput());
    JsonNode report = new ObjectMapper().readTree(result.getOutput());
    assertEquals(Set.of("status", "checks"), fields(report));
    assertEquals("warn", report.get("status").asText());
    JsonNode checks = report.get("checks");
    assertTrue(checks.isArray() && checks.size() >= 15, result.getOutput());
    for (JsonNode check : checks) {
      assertEquals(Set.of("name", "status", "found", "fix"), fields(check), check.toString());
      String status = check.get("status").asText();
      assertTrue(Set.of("ok", "warn", "fail").contains(status), check.toString());
      if (status.equals("ok")) {
        assertTrue(check.get("fix").isNull(), check.toString());
      }
    }
    JsonNode engine =
        checks.findParents("name").stream()
            .filter(c -> c.get("name").asText().equals("engine"))
            .findFirst()
            .orElseThrow();
    assertEquals("warn", engine.get("status").asText());
    assertEquals(
        NO_ENGINE + " (--container-cli) not found, so container TASKs cannot run (host TASKs can)",
        engine.get("found").asText());
    assertTrue(engine.get("fix").asText().startsWith("apt-get install podman"), engine.toString());
  }

  private static Set<String> fields(JsonNode node) {
    Set<String> names = new java.util.HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
