package dev.shiprun.runner.container;

import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.model.integration.Secret;
import dev.shiprun.runner.registry.Skopeo;
import dev.shiprun.runner.registry.TestRegistry;
import dev.shiprun.runner.registry.Tool;
import dev.shiprun.runner.secrets.IntegrationStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A container lab for tests: podman configured in the test's folder, a tiny image with bash and jq
 * ({@link ContainerLabImage}) pushed to Debian's docker-registry behind htpasswd, and what a test
 * needs to point shiprun at it.
 *
 * <p>podman reads two files this lab writes: {@code CONTAINERS_CONF} (no default ulimits, cgroupfs,
 * runc: crun and systemd cgroups fail on these machines) and {@code CONTAINERS_STORAGE_CONF} (vfs
 * storage in the test's folder, a run root under /tmp because podman refuses a long one). With
 * {@link #environment()} added to its environment, a plain {@code podman} — shiprun's, or the one
 * Debian's podman-docker calls {@code /usr/bin/docker} — uses them and shares no image, container
 * or credential with the machine's own podman.
 *
 * <pre>{@code
 * try (ContainerLab lab = ContainerLab.start(temp)) {
 *   lab.addIntegration(home, "lab-reg", ContainerLab.PASSWORD);
 *   // run shiprun with lab.environment(); a TASK with imageName lab.imageName(), imageTag "1"
 * }
 * }</pre>
 */
public final class ContainerLab implements AutoCloseable {

  /** The registry's user. */
  public static final String USERNAME = TestRegistry.USERNAME;

  /** Its password: made up for tests. */
  public static final String PASSWORD = TestRegistry.PASSWORD;

  /** The tag every lab pushes; {@code latest} is pushed too. */
  public static final String TAG = "1";

  /** A file only the lab's image has: {@code cat} it to prove a script runs in the image. */
  public static final String MARKER = ContainerLabImage.MARKER;

  /** What {@link #MARKER} holds. */
  public static final String MARKER_TEXT = ContainerLabImage.MARKER_TEXT;

  /** The image's name in the registry, after {@code host:port/}. */
  private static final String REPOSITORY = "lab/tools";

  private static final Duration LIMIT = Duration.ofMinutes(3);

  private final Path dir;
  private final Path runRoot;
  private final Map<String, String> environment;
  private final TestRegistry registry;
  private final Skopeo skopeo;
  private final String localImage;
  private final Path registriesConf;

  private ContainerLab(
      Path dir,
      Path runRoot,
      Map<String, String> environment,
      TestRegistry registry,
      Skopeo skopeo,
      String localImage) {
    this.dir = dir;
    this.runRoot = runRoot;
    this.environment = environment;
    this.registry = registry;
    this.skopeo = skopeo;
    this.localImage = localImage;
    this.registriesConf = dir.resolve("registries.conf");
  }

  /**
   * Writes podman's configuration in {@code dir}, imports the image (built once per machine into
   * the cache folder), starts the registry and pushes the image as {@link #TAG} and {@code latest},
   * then removes the local images so that the first run must pull.
   */
  public static ContainerLab start(Path dir) throws IOException {
    Path home = Files.createDirectories(dir).toAbsolutePath();
    // podman keeps sockets under the run root and refuses one longer than 50 characters.
    Path runRoot = Files.createTempDirectory("shiprun-lab-");
    Path conf =
        Files.writeString(
            home.resolve("containers.conf"),
            """
            [containers]
            default_ulimits = []
            [engine]
            cgroup_manager = "cgroupfs"
            runtime = "runc"
            tmp_dir = "%s"
            """
                .formatted(runRoot.resolve("libpod")));
    Path storage =
        Files.writeString(
            home.resolve("storage.conf"),
            """
            [storage]
            driver = "vfs"
            runroot = "%s"
            graphroot = "%s"
            """
                .formatted(runRoot.resolve("storage"), home.resolve("graph")));
    Map<String, String> environment =
        Map.of(
            "CONTAINERS_CONF", conf.toString(),
            "CONTAINERS_STORAGE_CONF", storage.toString());
    ContainerLabImage image = ContainerLabImage.cached(cacheFolder());
    TestRegistry registry = TestRegistry.start(home.resolve("registry"));
    try {
      ContainerLab lab =
          new ContainerLab(
              home,
              runRoot,
              environment,
              registry,
              new Skopeo(home.resolve("skopeo")),
              "localhost/shiprun-lab/tools:" + image.hash());
      Files.writeString(
          lab.registriesConf,
          """
          [[registry]]
          location = "%s"
          insecure = true
          """
              .formatted(registry.hostPort()));
      lab.check("import", image.archive().toString(), lab.localImage);
      lab.push(TAG);
      lab.push("latest");
      lab.removeLocalImages();
      return lab;
    } catch (IOException | RuntimeException e) {
      registry.close();
      ContainerLabImage.delete(runRoot);
      throw e;
    }
  }

  /** Where the image's archive is kept between tests: {@code target/container-lab}. */
  private static Path cacheFolder() {
    return Path.of(System.getProperty("shiprun.container-lab.cache", "target/container-lab"))
        .toAbsolutePath();
  }

  /**
   * What a process that runs podman must have in its environment, added to its own: {@code
   * CONTAINERS_CONF} and {@code CONTAINERS_STORAGE_CONF}.
   */
  public Map<String, String> environment() {
    return environment;
  }

  /**
   * {@link #environment()} plus {@code CONTAINERS_REGISTRIES_CONF}: a registries.conf that marks
   * the lab's registry insecure (plain HTTP). A docker CLI passes no TLS flag on a pull; its daemon
   * reaches a plain-HTTP registry only when its {@code insecure-registries} lists it, and this file
   * is what that setting is for the podman behind podman-docker's {@code docker}.
   */
  public Map<String, String> dockerEnvironment() {
    Map<String, String> env = new HashMap<>(environment);
    env.put("CONTAINERS_REGISTRIES_CONF", registriesConf.toString());
    return Map.copyOf(env);
  }

  /** {@code 127.0.0.1:PORT}: the registry, as image names and {@code auths} keys start. */
  public String registryHost() {
    return registry.hostPort();
  }

  /** {@code http://127.0.0.1:PORT}: the Docker Registry integration's url. */
  public String registryUrl() {
    return registry.url();
  }

  /** The image's name without a tag, {@code 127.0.0.1:PORT/lab/tools}. */
  public String imageName() {
    return registryHost() + "/" + REPOSITORY;
  }

  /** {@code imageName():TAG}. */
  public String image() {
    return imageName() + ":" + TAG;
  }

  /** The registry's log, for a failing test's message. */
  public String registryLog() {
    return registry.log();
  }

  /** Pushes the lab's image to the registry as {@code imageName():tag}. */
  public void push(String tag) throws IOException {
    boolean imported = !podman("image", "exists", localImage).ok();
    if (imported) {
      check("import", ContainerLabImage.cached(cacheFolder()).archive().toString(), localImage);
    }
    Tool.Result copy =
        skopeo.run(
            environment,
            "copy",
            "--dest-tls-verify=false",
            "--dest-creds",
            USERNAME + ":" + PASSWORD,
            "containers-storage:" + localImage,
            "docker://" + imageName() + ":" + tag);
    if (!copy.ok()) {
      throw new IOException("skopeo copy to " + imageName() + ":" + tag + ": " + copy.output());
    }
    if (imported) {
      check("rmi", localImage);
    }
  }

  /**
   * Pushes an image of the lab's tools plus {@code extraBinaries} of the host (such as {@code
   * /usr/bin/node}) to the registry as {@code host:port/repository:tag}, and returns that name.
   */
  public String pushWith(String repository, String tag, List<String> extraBinaries)
      throws IOException {
    ContainerLabImage image = ContainerLabImage.cached(cacheFolder(), extraBinaries);
    String local = "localhost/shiprun-lab/" + repository + ":" + image.hash();
    String target = registryHost() + "/" + repository + ":" + tag;
    check("import", image.archive().toString(), local);
    Tool.Result copy =
        skopeo.run(
            environment,
            "copy",
            "--dest-tls-verify=false",
            "--dest-creds",
            USERNAME + ":" + PASSWORD,
            "containers-storage:" + local,
            "docker://" + target);
    if (!copy.ok()) {
      throw new IOException("skopeo copy to " + target + ": " + copy.output());
    }
    check("rmi", local);
    return target;
  }

  /**
   * Stores a Docker Registry integration named {@code name} for this registry in {@code
   * shiprunHome}, with the lab's user and {@code password}, right or wrong: what {@code shiprun
   * integration add NAME --type dockerRegistryLogin --url … --password-file …} stores.
   */
  public void addIntegration(Path shiprunHome, String name, String password) {
    Map<String, FieldValue> fields = new LinkedHashMap<>();
    fields.put("url", new FieldValue.Text(registryUrl()));
    fields.put("username", new FieldValue.Text(USERNAME));
    fields.put("password", new FieldValue.Hidden(new Secret(password)));
    fields.put("email", new FieldValue.Text("tester@example.com"));
    new IntegrationStore(shiprunHome, Optional.empty(), IntegrationTypes.builtIn())
        .put(
            new Integration(
                name, IntegrationTypes.DOCKER_REGISTRY, fields, SourceLocation.ofFile("lab")),
            true);
  }

  /**
   * Writes {@code file}: a {@code config.json} of {@code auths} for the lab's registry with the
   * lab's user and {@code password}, mode 0600, as podman's {@code --authfile} reads it.
   */
  public Path writeAuthFile(Path file, String password) throws IOException {
    String auth =
        Base64.getEncoder()
            .encodeToString((USERNAME + ":" + password).getBytes(StandardCharsets.UTF_8));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    return Files.writeString(
        file, "{\"auths\":{\"%s\":{\"auth\":\"%s\"}}}\n".formatted(registryHost(), auth));
  }

  /** Removes every image of the lab's storage, so the next run must pull. */
  public void removeLocalImages() throws IOException {
    check("rmi", "--all", "--force");
  }

  /** The references ({@code name:tag}) of the images in the lab's storage. */
  public List<String> localImages() throws IOException {
    return check("images", "--format", "{{.Repository}}:{{.Tag}}").lines().toList();
  }

  /** The ids of every container of the lab's storage, running or not ({@code podman ps -a}). */
  public List<String> containers() throws IOException {
    return check("ps", "--all", "--format", "{{.ID}} {{.Names}} {{.Status}}").lines().toList();
  }

  /**
   * The running processes whose command line holds {@code text}: a distinctive argument of a
   * script's child, or the lab's run root, which every conmon of the lab names.
   */
  public static List<String> processesNaming(String text) throws IOException {
    List<String> found = new ArrayList<>();
    long self = ProcessHandle.current().pid();
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        if (!name.matches("\\d+") || Long.parseLong(name) == self) {
          continue;
        }
        String line = commandLine(entry);
        if (line.contains(text) && running(entry)) {
          found.add(name + " " + line);
        }
      }
    }
    return found;
  }

  /** The lab's run root: every conmon and runc state of the lab's containers lies under it. */
  public Path runRoot() {
    return runRoot;
  }

  /** {@code podman ARGS…} with the lab's configuration, whatever its exit code. */
  public Tool.Result podman(String... args) throws IOException {
    return engine("podman", environment, args);
  }

  /**
   * {@code CLI ARGS…}: another command that runs podman (e.g. {@code /usr/bin/docker}) with {@code
   * environment} instead of {@link #environment()}.
   */
  public Tool.Result engine(String cli, Map<String, String> environment, String... args)
      throws IOException {
    Map<String, String> env = new HashMap<>(environment);
    // The network plugins run iptables, which lives in sbin; HOME keeps the user's files out.
    env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    env.put("HOME", dir.toString());
    env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
    List<String> command = new ArrayList<>(List.of(cli));
    command.addAll(List.of(args));
    return Tool.run(dir, env, LIMIT, command.toArray(String[]::new));
  }

  /** {@code podman ARGS…}, insisting on success; its output. */
  public String check(String... args) throws IOException {
    Tool.Result result = podman(args);
    if (!result.ok()) {
      throw new IOException(
          "podman "
              + String.join(" ", args)
              + " failed (exit "
              + result.exitCode()
              + "): "
              + result.output().strip());
    }
    return result.output();
  }

  /**
   * Removes what is left of the lab's containers, stops the registry and deletes the run root; the
   * storage stays in the test's folder, which the test's cleanup deletes.
   */
  @Override
  public void close() throws IOException {
    try {
      podman("rm", "--all", "--force", "--time", "0");
    } finally {
      registry.close();
      ContainerLabImage.delete(runRoot);
    }
  }

  private static String commandLine(Path entry) {
    try {
      byte[] raw = Files.readAllBytes(entry.resolve("cmdline"));
      return new String(raw, StandardCharsets.ISO_8859_1).replace('\0', ' ').strip();
    } catch (IOException gone) {
      return "";
    }
  }

  /** Present and not a zombie (a zombie runs nothing; init reaps it when it can). */
  private static boolean running(Path entry) {
    try {
      String stat = Files.readString(entry.resolve("stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException gone) {
      return false;
    }
  }
}
