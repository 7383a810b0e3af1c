package dev.shiprun.runner.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.registry.DockerAuthFile;
import dev.shiprun.runner.registry.Skopeo;
import dev.shiprun.runner.registry.TestRegistry;
import dev.shiprun.runner.registry.Tool;
import dev.shiprun.runner.tls.SelfSigned;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The daemon's container image, end to end and without a Docker engine: the base image of
 * src/image/base-image.sh pushed to a real registry with htpasswd auth, the README's Jib build
 * pushing shiprun on top of it with the credentials of a config.json written by the Docker Registry
 * integration's own code ({@link DockerAuthFile}), then what the registry holds (skopeo) and, with
 * podman, the image running: ready on /q/health/ready, its healthcheck passing, a job through the
 * API using the tools of the image, and SIGTERM stopping it cleanly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Needs(
    commands = {"debootstrap", "docker-registry", "htpasswd", "skopeo", "tar"},
    root = true, // debootstrap chroots
    fix = "apt-get install debootstrap docker-registry apache2-utils skopeo, and run as root")
class ContainerImageIT {

  private static final String REVISION = "0123456789abcdef0123456789abcdef01234567";
  private static final String TOKEN = "made-up-container-api-token-0042";
  private static final String HOME = "/var/lib/shiprun";
  private static final String LINE =
      """
      resources:
        - name: knob
          type: params
          versionTemplate: {params: {COLOR: "blue"}}
      jobs:
        - name: tools
          type: runSh
          steps:
            - IN: knob
            - TASK:
                script:
                  - 'echo "bash $BASH_VERSION as $(id -u), color $KNOB_PARAMS_COLOR"'
                  - jq --version
                  - git --version
                  - skopeo --version
                  - 'shipctl get_resource_version_name knob'
      """;

  private final ObjectMapper json = new ObjectMapper();
  private Path work;
  private TestRegistry registry;
  private Path dockerConfig;
  private Skopeo skopeo;
  private String image;

  @BeforeAll
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  void buildAndPush() throws IOException {
    Path checkout = Path.of(System.getProperty("shiprun.checkout")).toAbsolutePath().normalize();
    // What an earlier run left goes first: podman's storage alone is hundreds of MB.
    work = Path.of(System.getProperty("shiprun.image-it.work"));
    Folders.delete(work);
    Files.createDirectories(work);
    registry = TestRegistry.start(work.resolve("registry"));
    // The credentials as a job gets them: one auths entry per registry, 0600 in a 0700 folder.
    dockerConfig =
        new DockerAuthFile(json)
            .write(work.resolve("docker"), List.of(registry.login()))
            .getParent();
    skopeo = new Skopeo(work.resolve("skopeo"));

    Instant started = Instant.now();
    String base = BaseImage.build(checkout, Files.createDirectories(work.resolve("base")));
    String baseImage = registry.hostPort() + "/shiprun/base:17";
    check(
        skopeo.run(
            auth(),
            "copy",
            "--format",
            "v2s2",
            "--dest-tls-verify=false",
            base,
            "docker://" + baseImage));
    Duration baseTook = Duration.between(started, Instant.now());

    started = Instant.now();
    new JibBuild(checkout, work.resolve("jib"))
        .run(
            Map.of(
                "quarkus.container-image.registry",
                registry.hostPort(),
                "quarkus.container-image.insecure",
                "true",
                "sendCredentialsOverHttp",
                "true",
                "quarkus.jib.base-jvm-image",
                baseImage,
                "shiprun.revision",
                REVISION),
            dockerConfig);
    image = registry.hostPort() + "/shiprun/shiprun:" + System.getProperty("shiprun.version");
    System.out.printf(
        "container image: base ready and pushed in %d s, Jib build and push in %d s%n",
        baseTook.toSeconds(), Duration.between(started, Instant.now()).toSeconds());
  }

  @AfterAll
  void stopRegistry() {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void theRegistryHoldsTheImageWithItsVersionSourceAndRevision() throws IOException {
    JsonNode inspect = json.readTree(check(skopeo.run(auth(), "inspect", tls(), docker())));
    JsonNode labels = inspect.get("Labels");
    assertEquals(System.getProperty("shiprun.version"), label(labels, "version"));
    assertEquals(REVISION, label(labels, "revision"));
    assertTrue(label(labels, "source").startsWith("https://"), labels.toString());
    assertEquals("shiprun", label(labels, "title"));

    // Docker's manifest format (Jib's default): its image config is the one with a healthcheck.
    JsonNode manifest =
        json.readTree(check(skopeo.run(auth(), "inspect", "--raw", tls(), docker())));
    assertEquals(
        "application/vnd.docker.distribution.manifest.v2+json", manifest.get("mediaType").asText());
    long compressed = 0;
    for (JsonNode layer : manifest.get("layers")) {
      compressed += layer.get("size").asLong();
    }
    assertTrue(manifest.get("layers").size() > 1, "the base's layer, then shiprun's: " + manifest);
    System.out.printf(
        "container image: %d layers, %.1f MB compressed%n",
        manifest.get("layers").size(), compressed / 1e6);
  }

  @Test
  void itRunsTheDaemonAsUser1001WithItsHomeOnAVolumeAndTheApiOnPort8484() throws IOException {
    // --raw: the config as the registry holds it; without it skopeo shows it in the OCI
    // format, which has no healthcheck.
    JsonNode config =
        json.readTree(check(skopeo.run(auth(), "inspect", "--config", "--raw", tls(), docker())))
            .get("config");
    assertEquals("1001", config.get("User").asText());
    assertEquals(List.of("/usr/local/bin/shiprun"), texts(config.get("Entrypoint")));
    assertTrue(
        config.path("Cmd").isMissingNode() || config.get("Cmd").isNull(),
        "no Cmd: the entrypoint runs the daemon when given no arguments: " + config);
    assertEquals("/opt/shiprun", config.get("WorkingDir").asText());
    assertTrue(config.get("ExposedPorts").has("8484/tcp"), config.toString());
    assertTrue(config.get("Volumes").has(HOME), config.toString());
    assertTrue(texts(config.get("Env")).contains("SHIPRUN_HOME=" + HOME), config.toString());
    assertTrue(
        String.join(" ", texts(config.path("Healthcheck").get("Test")))
            .contains("https://127.0.0.1:8484/q/health/ready"),
        config.toString());
  }

  @Test
  void withoutCredentialsTheRegistryRefusesTheImage() throws IOException {
    // So the push above went through DOCKER_CONFIG, not through an open registry.
    Tool.Result anonymous = skopeo.run(Map.of(), "inspect", tls(), docker());
    assertFalse(anonymous.ok(), anonymous.output());
    assertTrue(anonymous.output().contains("authentication required"), anonymous.output());
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  @Needs(
      commands = {"podman", "runc"},
      fix = "apt-get install podman runc")
  void podmanRunsItReadyHealthyRunningAJobStoppingOnSigtermAndRefusingAHomeItCannotWrite()
      throws Exception {
    try (Podman podman = new Podman(work.resolve("podman"))) {
      runInPodman(podman);
    }
  }

  private void runInPodman(Podman podman) throws Exception {
    String name = "shiprun-it-" + ProcessHandle.current().pid();
    int port = TestRegistry.freePort();
    Path certs = certificate(work.resolve("tls"));
    ContainerApi api = new ContainerApi(port, TOKEN, certs.resolve("tls.crt"));
    podman.check(
        "pull",
        "--tls-verify=false",
        "--authfile",
        DockerAuthFile.in(dockerConfig).toString(),
        "docker://" + image);
    try {
      Instant started = Instant.now();
      podman.check(
          "run",
          "--detach",
          "--name",
          name,
          "--publish",
          "127.0.0.1:" + port + ":8484",
          "--env",
          "SHIPRUN_API_TOKEN=" + TOKEN,
          "--volume",
          certs + ":/run/shiprun-tls:ro",
          "--env",
          "SHIPRUN_TLS_CERT=/run/shiprun-tls/tls.crt",
          "--env",
          "SHIPRUN_TLS_KEY=/run/shiprun-tls/tls.key",
          "--volume",
          name + "-home:" + HOME,
          image);
      Instant created = Instant.now();
      awaitReady(api, podman, name);
      System.out.printf(
          "container image: podman run took %d ms, then ready in %d ms%n",
          Duration.between(started, created).toMillis(),
          Duration.between(created, Instant.now()).toMillis());

      assertEquals("1001", podman.check("exec", name, "id", "-u").strip());
      assertEquals("1001", podman.check("exec", name, "stat", "-c", "%u", HOME).strip());
      assertTrue(podman.run("healthcheck", "run", name).ok(), "the image's healthcheck passes");
      assertTrue(podman.run("exec", name, "shiprun-ready").ok(), "the bash probe agrees");

      // A one-shot command in the running container starts no Quarkus there either.
      String validate =
          podman.check(
              "exec",
              "--env",
              "LINE=" + LINE,
              "--env",
              "JAVA_OPTS=-Xlog:class+load=info:file=/tmp/classes.log",
              name,
              "bash",
              "-c",
              "mkdir -p /tmp/line && printf '%s' \"$LINE\" >/tmp/line/shippable.yml"
                  + " && shiprun validate /tmp/line 2>&1"
                  + " && echo root=$(grep -c 'cli.boot.CommandFactory ' /tmp/classes.log)"
                  + " quarkus=$(grep -c 'io.quarkus.runtime.Quarkus ' /tmp/classes.log)");
      assertTrue(validate.contains("valid: 1 job"), validate);
      assertTrue(validate.contains("root=1 quarkus=0"), "no Quarkus: " + validate);

      HttpResponse<String> put = api.putLine("demo", LINE);
      assertEquals(2, put.statusCode() / 100, put.statusCode() + " " + put.body());
      long run = api.trigger("demo", "tools");
      String status = api.awaitEnd(run, Duration.ofMinutes(2));
      String log = api.log(run);
      assertEquals("success", status, log);
      assertTrue(log.contains("bash 5."), log);
      assertTrue(log.contains("as 1001, color blue"), log);
      assertTrue(log.contains("jq-1."), log);
      assertTrue(log.contains("git version"), log);
      assertTrue(log.contains("skopeo version"), log);

      podman.check("stop", "--time", "30", name);
      assertEquals("0", podman.check("inspect", "--format", "{{.State.ExitCode}}", name).strip());
      String daemonLog = podman.check("logs", name);
      assertTrue(daemonLog.contains("shiprun daemon: stopped"), daemonLog);
      assertFalse(daemonLog.contains(TOKEN), "the token is never printed: " + daemonLog);

      // No certificate and no --insecure-http: the image will not serve plain HTTP to the world.
      Tool.Result plain = podman.run("run", "--rm", image);
      assertEquals(2, plain.exitCode(), plain.output());
      assertTrue(
          plain.output().contains("needs a certificate: mount one and give -e SHIPRUN_TLS_CERT="),
          plain.output());

      // A host folder of root's on the home: one line that says what to do, exit code 3.
      Path rootsFolder = Files.createDirectories(work.resolve("roots-home"));
      Tool.Result refused =
          podman.run(
              "run",
              "--rm",
              "--volume",
              rootsFolder + ":" + HOME,
              image,
              "daemon",
              "--insecure-http");
      assertEquals(3, refused.exitCode(), refused.output());
      assertTrue(
          refused.output().contains("shiprun: the home " + HOME + " is not writable by uid 1001"),
          refused.output());
    } finally {
      podman.run("rm", "--force", "--time", "0", name);
      podman.run("volume", "rm", "--force", name + "-home");
      podman.run("rmi", "--force", image);
    }
  }

  /**
   * A self-signed certificate for 127.0.0.1 made by openssl in {@code folder}: tls.crt and tls.key,
   * readable by the container's uid 1001 (a made-up key for this test only).
   */
  private static Path certificate(Path folder) throws Exception {
    Files.createDirectories(folder);
    SelfSigned.make("image", folder.resolve("tls.crt"), folder.resolve("tls.key"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String file : List.of("tls.crt", "tls.key")) {
      Files.setPosixFilePermissions(
          folder.resolve(file), PosixFilePermissions.fromString("rw-r--r--"));
    }
    return folder;
  }

  /** Until the daemon is ready, the container ends, or 3 minutes pass. */
  private static void awaitReady(ContainerApi api, Podman podman, String name) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      if (api.ready()) {
        return;
      }
      String state = podman.check("inspect", "--format", "{{.State.Status}}", name).strip();
      if (!state.equals("running") && !state.equals("created")) {
        throw new AssertionError("the container is " + state + ": " + podman.run("logs", name));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not ready within 3 minutes: " + podman.run("logs", name).output());
  }

  private Map<String, String> auth() {
    return Map.of("REGISTRY_AUTH_FILE", DockerAuthFile.in(dockerConfig).toString());
  }

  private static String tls() {
    return "--tls-verify=false";
  }

  private String docker() {
    return "docker://" + image;
  }

  private static String label(JsonNode labels, String name) {
    JsonNode value = labels.get("org.opencontainers.image." + name);
    return value == null ? "(no label " + name + " in " + labels + ")" : value.asText();
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    if (array != null) {
      array.forEach(node -> texts.add(node.asText()));
    }
    return texts;
  }

  private static String check(Tool.Result result) throws IOException {
    if (!result.ok()) {
      throw new IOException("skopeo failed (exit " + result.exitCode() + "): " + result.output());
    }
    return result.output();
  }
}
