package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive as a user gets it: unpacked with tar into a new folder, its launcher run
 * from another directory with a relative path, its completion script sourced in bash, its man pages
 * read by groff.
 */
class DistributionIT {

  @TempDir static Path unpacked;
  @TempDir Path temp;

  private static Path root;

  @BeforeAll
  static void unpack() throws Exception {
    Path archive = Path.of(System.getProperty("shiprun.dist", "target/shiprun.tar.gz"));
    assertTrue(Files.isRegularFile(archive), "./mvnw package makes " + archive);
    Result tar =
        exec(List.of("tar", "xzf", archive.toString(), "-C", unpacked.toString()), null, Map.of());
    assertEquals(0, tar.code(), tar.err());
    try (Stream<Path> top = Files.list(unpacked)) {
      List<Path> folders = top.toList();
      assertEquals(1, folders.size(), "one top folder: " + folders);
      root = folders.get(0);
    }
    assertTrue(
        root.getFileName().toString().matches("shiprun-\\d+\\.\\d+\\.\\d+.*"), root.toString());
    // Checked before any test runs the launcher, which records it.
    assertTrue(
        Files.notExists(root.resolve("lib/shiprun.jsa")),
        "the class-data archive is made where shiprun is installed, not shipped");
  }

  @Test
  void holdsTheLauncherTheJarTheDocsAndTheSamples() {
    assertTrue(Files.isExecutable(root.resolve("bin/shiprun")), "bin/shiprun is executable");
    for (String file :
        List.of(
            "lib/shiprun.jar",
            "lib/cds-training/shippable.yml",
            "share/bash-completion/completions/shiprun",
            "share/man/man1/shiprun.1",
            "share/man/man1/shiprun-run.1",
            "share/man/man1/shiprun-integration-add.1",
            "README.md",
            "docs/cli.md",
            "samples/params-state/shippable.jobs.yml")) {
      assertTrue(Files.isRegularFile(root.resolve(file)), file);
    }
  }

  @Test
  void runsFromAnotherDirectoryWithRelativePathsAndKeepsItsArchive() throws Exception {
    Path work = Files.createDirectories(temp.resolve("work"));
    copy(root.resolve("samples/params-state"), work.resolve("line"));
    Map<String, String> env = Map.of("HOME", temp.toString());

    Result validate = exec(List.of(launcher(), "validate", "line"), work, env);
    assertEquals(0, validate.code(), validate.err());
    // The human summary goes to stderr; stdout is kept for --output json.
    assertTrue(validate.err().startsWith("valid: 1 job"), validate.err());

    Result run =
        exec(
            List.of(launcher(), "run", "line", "--home", temp.resolve("home").toString()),
            work,
            env);
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("success"), run.out());
    assertTrue(
        Files.isRegularFile(root.resolve("lib/shiprun.jsa")),
        "the first command recorded the class-data archive next to the jar");
  }

  /**
   * The launcher adds only JVM flags (and its class-data archive) to {@code java -jar}: both print
   * the same bytes and exit with the same code.
   */
  @Test
  void theLauncherPrintsWhatJavaDashJarPrints() throws Exception {
    Path work = Files.createDirectories(temp.resolve("same"));
    copy(root.resolve("samples/params-state"), work.resolve("valid"));
    copy(Path.of("src/test/resources/fixtures/invalid").toAbsolutePath(), work.resolve("invalid"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String jar = root.resolve("lib/shiprun.jar").toString();
    // The same java both ways: --version prints its version.
    Map<String, String> env = Map.of("HOME", temp.toString(), "SHIPRUN_JAVA", java);
    List<List<String>> commands =
        List.of(
            List.of("--version"),
            List.of("-V"),
            List.of("validate", "valid"),
            List.of("validate", "--output", "json", "valid"),
            List.of("validate", "invalid"),
            List.of("validate", "-o", "json", "invalid"),
            List.of("validate", "missing"),
            List.of("validate"),
            List.of("validate", "--help"),
            List.of("validate", "--no-such-option"),
            List.of("graph", "valid"),
            List.of("graph", "--format", "dot", "valid"),
            List.of("graph", "-f", "mermaid", "valid"),
            List.of("graph", "-f", "json", "valid"),
            List.of("graph", "-f", "svg", "valid"),
            List.of("graph", "invalid"),
            List.of("doctor", "--help"),
            List.of("doctor", "--no-such-option"),
            List.of("--help"),
            List.of(),
            List.of("plan", "valid"),
            List.of("run", "--help"),
            List.of("daemon", "--help"),
            List.of("daemon", "--prot", "9000"));
    for (List<String> args : commands) {
      List<String> launched = new ArrayList<>(List.of(launcher()));
      launched.addAll(args);
      List<String> plain = new ArrayList<>(List.of(java, "-jar", jar));
      plain.addAll(args);
      Result viaLauncher = exec(launched, work, env);
      Result viaJar = exec(plain, work, env);
      assertEquals(viaJar, viaLauncher, "shiprun " + String.join(" ", args));
      assertTrue(
          !(viaLauncher.out() + viaLauncher.err()).isBlank(),
          "says something: shiprun " + String.join(" ", args));
    }
  }

  /**
   * Every command line but {@code daemon} runs without booting Quarkus: a run of a line, which
   * opens the store, loads neither Quarkus nor its CDI container, and prints nothing of the store's
   * libraries.
   */
  @Test
  void aRunStartsNoQuarkus() throws Exception {
    Path work = Files.createDirectories(temp.resolve("plain"));
    copy(root.resolve("samples/params-state"), work.resolve("line"));
    Path classes = temp.resolve("classes.log");
    Map<String, String> env =
        Map.of(
            "HOME", temp.toString(), "SHIPRUN_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes);
    Result run =
        exec(
            List.of(launcher(), "run", "line", "--home", temp.resolve("plain-home").toString()),
            work,
            env);
    assertEquals(0, run.code(), run.out() + run.err());
    assertEquals(
        List.of("started  count-runs", "finished count-runs #1: success in"),
        run.err()
            .lines()
            // Said when the test runs in the background of a shell, which ignores SIGINT.
            .filter(l -> !l.startsWith("shiprun: SIGINT is ignored in this process"))
            .map(l -> l.replaceAll(" in [0-9.]+ s$", " in"))
            .toList(),
        "stderr holds the run's own lines only");
    String loaded = Files.readString(classes);
    assertTrue(loaded.contains("dev.shiprun.runner.cli.boot.CommandFactory "), "the root ran");
    assertTrue(loaded.contains("org.h2."), "the store opened");
    for (String absent : List.of("io.quarkus.runtime.Quarkus ", "io.quarkus.arc.Arc ")) {
      assertTrue(!loaded.contains(absent), absent.strip() + " is not loaded");
    }
  }

  @Test
  void passesJavaOptionsAndRefusesAJavaItCannotUse() throws Exception {
    Result flags =
        exec(
            List.of(launcher(), "--version"),
            temp,
            Map.of("SHIPRUN_JAVA_OPTS", "-XX:+PrintCommandLineFlags", "HOME", temp.toString()));
    assertEquals(0, flags.code(), flags.err());
    assertTrue(flags.out().contains("-XX:+PrintCommandLineFlags"), flags.out());
    assertTrue(flags.out().contains("shiprun "), flags.out());

    Result wrong =
        exec(
            List.of(launcher(), "--version"),
            temp,
            Map.of("SHIPRUN_JAVA", "/bin/true", "HOME", temp.toString()));
    assertEquals(3, wrong.code());
    assertEquals(
        "shiprun: SHIPRUN_JAVA=/bin/true is not Java 17 or newer; point it at a JDK 17+ bin/java",
        wrong.err().strip());
  }

  @Test
  void completesCommandsAndOptionsInBash() throws Exception {
    String script =
        "source \"$1\"\n"
            + "complete_line() { COMP_LINE=\"$1\"; COMP_POINT=${#1}; read -ra COMP_WORDS <<<\"$1\";"
            + " [[ $1 == *' ' ]] && COMP_WORDS+=(''); COMP_CWORD=$((${#COMP_WORDS[@]} - 1));"
            + " COMPREPLY=(); _complete_shiprun; echo \"${COMPREPLY[*]}\"; }\n"
            + "complete_line 'shiprun va'\n"
            + "complete_line 'shiprun run --keep-w'\n"
            + "complete_line 'shiprun integration '\n";
    Result completion =
        exec(
            List.of(
                "bash",
                "-c",
                script,
                "bash",
                root.resolve("share/bash-completion/completions/shiprun").toString()),
            temp,
            Map.of());
    assertEquals(0, completion.code(), completion.err());
    List<String> lines = completion.out().lines().toList();
    assertEquals("validate", lines.get(0));
    assertEquals("--keep-workspace", lines.get(1));
    assertTrue(lines.get(2).contains("add") && lines.get(2).contains("rotate-key"), lines.get(2));
  }

  @Test
  void manPagesAreValidRoffForEveryCommand() throws Exception {
    List<String> command = new ArrayList<>(List.of("groff", "-man", "-Tutf8", "-ww", "-z"));
    try (Stream<Path> pages = Files.list(root.resolve("share/man/man1"))) {
      pages.sorted().forEach(page -> command.add(page.toString()));
    }
    assertTrue(command.size() > 15, "a page per command: " + command);
    Result groff = exec(command, temp, Map.of());
    assertEquals(0, groff.code(), groff.err());
    assertEquals("", groff.err(), "groff warns about nothing");

    String run = Files.readString(root.resolve("share/man/man1/shiprun-run.1"));
    assertTrue(run.startsWith(".TH \"SHIPRUN\\-RUN\" 1"), run);
    assertTrue(run.contains("\\fB\\-\\-keep\\-workspace\\fR"), "run's options: " + run);
    assertTrue(
        !Files.exists(root.resolve("share/man/man1/shiprun-man-pages.1")),
        "the hidden man-pages command has no page");
  }

  /**
   * A JDK updated in place keeps its path, and the JVM silently ignores an archive of another
   * build: the launcher records the archive again when the JDK's build (its release file) or its
   * lib/modules changes, and only then.
   */
  @Test
  void anUpdateOfTheJdkInPlaceRecordsTheArchiveAgain() throws Exception {
    Path install = Files.createDirectories(temp.resolve("install"));
    copy(root.resolve("bin"), install.resolve("bin"));
    Files.createDirectories(install.resolve("lib"));
    copy(root.resolve("lib/shiprun.jar"), install.resolve("lib/shiprun.jar"));
    copy(root.resolve("lib/cds-training"), install.resolve("lib/cds-training"));
    // A JDK folder of its own: its java runs this test's JVM, its release file names a build.
    Path jdk = Files.createDirectories(temp.resolve("jdk/bin")).getParent();
    Path real = Path.of(System.getProperty("java.home"), "bin", "java");
    Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\nexec '" + real + "' \"$@\"\n");
    assertTrue(jdk.resolve("bin/java").toFile().setExecutable(true));
    Path release = jdk.resolve("release");
    Files.writeString(release, "JAVA_VERSION=\"17.0.20\"\nJAVA_RUNTIME_VERSION=\"17.0.20+1-a\"\n");
    Path modules = Files.createDirectories(jdk.resolve("lib")).resolve("modules");
    Files.writeString(modules, "");
    Files.setLastModifiedTime(modules, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
    Map<String, String> env =
        Map.of("HOME", temp.toString(), "SHIPRUN_JAVA", jdk.resolve("bin/java").toString());
    List<String> version = List.of(install.resolve("bin/shiprun").toString(), "--version");
    Path jsa = install.resolve("lib/shiprun.jsa");

    assertEquals(0, exec(version, temp, env).code());
    FileTime first = Files.getLastModifiedTime(jsa);
    assertEquals(
        jdk.resolve("bin/java").toRealPath() + "\n17.0.20+1-a\n",
        Files.readString(install.resolve("lib/shiprun.jsa.java")));

    assertEquals(0, exec(version, temp, env).code());
    assertEquals(first, Files.getLastModifiedTime(jsa), "the same JDK keeps its archive");

    Files.writeString(release, "JAVA_VERSION=\"17.0.21\"\nJAVA_RUNTIME_VERSION=\"17.0.21+2-b\"\n");
    assertEquals(0, exec(version, temp, env).code());
    FileTime second = Files.getLastModifiedTime(jsa);
    assertTrue(!second.equals(first), "a new build of the JDK records the archive again");
    assertTrue(Files.readString(install.resolve("lib/shiprun.jsa.java")).endsWith("17.0.21+2-b\n"));

    Files.setLastModifiedTime(modules, FileTime.from(Instant.now().plusSeconds(60)));
    assertEquals(0, exec(version, temp, env).code());
    assertTrue(
        !Files.getLastModifiedTime(jsa).equals(second),
        "a JDK whose lib/modules is newer than the archive records it again");
  }

  /**
   * {@code daemon} has a class-data archive of its own, recorded from a daemon start at the first
   * one and used from then on: the classes of the HTTP side then come from the archive.
   */
  @Test
  void aDaemonStartRecordsTheDaemonArchiveAndUsesIt() throws Exception {
    Path install = installWithoutArchives("daemon-install");
    Path classes = temp.resolve("daemon-classes.log");
    Map<String, String> env =
        Map.of(
            "HOME", temp.toString(), "SHIPRUN_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes);

    assertEquals("", listenAndStop(install, env, "first"), "the recording says nothing");
    Path jsa = install.resolve("lib/shiprun-daemon.jsa");
    assertTrue(Files.size(jsa) > 0, "the first daemon start recorded " + jsa);
    assertTrue(Files.isRegularFile(install.resolve("lib/shiprun-daemon.jsa.java")), "its stamp");
    assertTrue(
        Files.notExists(install.resolve("lib/shiprun.jsa")), "the CLI's archive is not made");
    FileTime recorded = Files.getLastModifiedTime(jsa);

    listenAndStop(install, env, "second");
    assertEquals(recorded, Files.getLastModifiedTime(jsa), "recorded once");
    assertTrue(
        Files.readString(classes)
            .lines()
            .anyMatch(
                l ->
                    l.contains(" io.vertx.core.")
                        && l.endsWith("source: shared objects file (top)")),
        "the daemon's Vert.x classes came from its archive");
    assertNoRecorderLeft(install);
  }

  /** A recording that fails (here: out of time at once) leaves nothing, and the daemon starts. */
  @Test
  void aDaemonStartsWhenItsArchiveCannotBeRecorded() throws Exception {
    Path install = installWithoutArchives("daemon-failed");
    Map<String, String> env = Map.of("HOME", temp.toString(), "SHIPRUN_CDS_WAIT", "0");

    listenAndStop(install, env, "failed");
    try (Stream<Path> lib = Files.list(install.resolve("lib"))) {
      assertEquals(
          List.of("shiprun.jar"),
          lib.map(p -> p.getFileName().toString()).sorted().toList(),
          "no archive, stamp or half-written file");
    }
    assertNoRecorderLeft(install);
  }

  /** A copy of the distribution's launcher and jar, with no archive recorded yet. */
  private Path installWithoutArchives(String name) throws Exception {
    Path install = Files.createDirectories(temp.resolve(name));
    copy(root.resolve("bin"), install.resolve("bin"));
    Files.createDirectories(install.resolve("lib"));
    copy(root.resolve("lib/shiprun.jar"), install.resolve("lib/shiprun.jar"));
    return install;
  }

  /**
   * Starts the installed daemon on a free port and a new home, waits until it says it is listening,
   * stops it with SIGTERM; returns what its launcher printed on stderr before the daemon's own
   * lines.
   */
  private String listenAndStop(Path install, Map<String, String> env, String name)
      throws Exception {
    Path err = temp.resolve(name + ".err");
    ProcessBuilder builder =
        new ProcessBuilder(
                install.resolve("bin/shiprun").toString(),
                "daemon",
                "--port",
                String.valueOf(freePort()),
                "--home",
                temp.resolve(name + "-home").toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile());
    builder.environment().putAll(env);
    builder.environment().put("SHIPRUN_API_TOKEN", "made-up-test-token");
    Process daemon = builder.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (!Files.readString(err).contains("shiprun daemon: listening on ")) {
        assertTrue(daemon.isAlive(), "the daemon ended: " + Files.readString(err));
        assertTrue(System.nanoTime() < deadline, "not listening: " + Files.readString(err));
        daemon.waitFor(50, TimeUnit.MILLISECONDS);
      }
    } finally {
      daemon.destroy();
      assertTrue(daemon.waitFor(60, TimeUnit.SECONDS), "stopped on SIGTERM");
    }
    String said =
        Files.readString(err)
            .lines()
            // Said when the test runs in the background of a shell, which ignores SIGINT.
            .filter(l -> !l.startsWith("shiprun: SIGINT is ignored in this process"))
            .map(l -> l + "\n")
            .collect(java.util.stream.Collectors.joining());
    return said.substring(0, said.indexOf("shiprun daemon: "));
  }

  private static int freePort() throws Exception {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** No JVM recording an archive for this install is left running. */
  private static void assertNoRecorderLeft(Path install) {
    String marker = "-XX:ArchiveClassesAtExit=" + install.resolve("lib");
    List<String> left =
        ProcessHandle.allProcesses()
            .map(p -> p.info().commandLine().orElse(""))
            .filter(c -> c.contains(marker))
            .toList();
    assertEquals(List.of(), left, "a recording JVM outlived its launcher");
  }

  private static String launcher() {
    return root.resolve("bin/shiprun").toString();
  }

  private static void copy(Path from, Path to) throws Exception {
    Result cp = exec(List.of("cp", "-r", from.toString(), to.toString()), null, Map.of());
    assertEquals(0, cp.code(), cp.err());
  }

  private record Result(int code, String out, String err) {}

  private static Result exec(List<String> command, Path dir, Map<String, String> env)
      throws Exception {
    File out = File.createTempFile("dist-out", ".txt");
    File err = File.createTempFile("dist-err", ".txt");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
      if (dir != null) {
        builder.directory(dir.toFile());
      }
      builder.environment().putAll(env);
      Process p = builder.start();
      assertTrue(p.waitFor(180, TimeUnit.SECONDS), "did not exit: " + command);
      return new Result(
          p.exitValue(),
          Files.readString(out.toPath(), StandardCharsets.UTF_8),
          Files.readString(err.toPath(), StandardCharsets.UTF_8));
    } finally {
      out.delete();
      err.delete();
    }
  }
}
