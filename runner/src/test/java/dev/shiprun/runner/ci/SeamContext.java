package dev.shiprun.runner.ci;

import dev.shiprun.model.Job;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.runner.engine.TestLines;
import dev.shiprun.runner.exec.ExecOptions;
import dev.shiprun.runner.exec.HostExecutor;
import dev.shiprun.runner.exec.ProcessLauncher;
import dev.shiprun.runner.exec.ProcessTreeKiller;
import dev.shiprun.spi.CancelSignal;
import dev.shiprun.spi.ContainerRequest;
import dev.shiprun.spi.Dependency;
import dev.shiprun.spi.Executor;
import dev.shiprun.spi.JobContext;
import dev.shiprun.spi.Notifier;
import dev.shiprun.spi.ScriptOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link JobContext} for unit tests of one CI seam: real folders under a test's temporary folder,
 * a real host executor, and a record of what the seam said, masked and logged in to. Containers,
 * secure values and dependencies are not part of it.
 */
public final class SeamContext implements JobContext {

  private final Path root;
  private final List<String> said = new CopyOnWriteArrayList<>();
  private final List<String> secrets = new CopyOnWriteArrayList<>();
  private final List<String> loggedIn = new CopyOnWriteArrayList<>();
  private final Map<String, String> settings = new LinkedHashMap<>();
  private final Map<String, Integration> integrations = new LinkedHashMap<>();
  private final Map<String, String> environment = new LinkedHashMap<>();

  public SeamContext(Path root) {
    this.root = root;
    try {
      Files.createDirectories(root.resolve("build/scripts"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    environment.put("PATH", System.getenv("PATH"));
    environment.put("HOME", root.toString());
  }

  public SeamContext setting(String name, String value) {
    settings.put(name, value);
    return this;
  }

  public SeamContext integration(Integration integration) {
    integrations.put(integration.name(), integration);
    return this;
  }

  public SeamContext variable(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** The runner's lines, in order. */
  public List<String> said() {
    return List.copyOf(said);
  }

  /** The values given to the masker. */
  public List<String> secrets() {
    return List.copyOf(secrets);
  }

  /** The integrations {@link #login} was asked for, in order. */
  public List<String> loggedIn() {
    return List.copyOf(loggedIn);
  }

  @Override
  public Job job() {
    return TestLines.parse("jobs:\n  - name: app_runCI\n    type: runCI\n")
        .job("app_runCI")
        .orElseThrow();
  }

  @Override
  public String line() {
    return "app";
  }

  @Override
  public long runId() {
    return 34;
  }

  @Override
  public int buildNumber() {
    return 12;
  }

  @Override
  public String triggeredBy() {
    return "the command line";
  }

  @Override
  public Map<String, String> environment() {
    return Map.copyOf(environment);
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of();
  }

  @Override
  public Path buildFolder() {
    return root.resolve("build");
  }

  @Override
  public Path scriptsFolder() {
    return root.resolve("build/scripts");
  }

  @Override
  public Path dataFolder() {
    Path folder = root.resolve("data");
    try {
      return Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void say(String line) {
    said.add(line);
  }

  @Override
  public ScriptOutput output(String prefix) {
    throw new UnsupportedOperationException("not part of a seam's test");
  }

  @Override
  public void secret(String value) {
    secrets.add(value);
  }

  @Override
  public Instant deadline() {
    return Instant.now().plus(Duration.ofMinutes(5));
  }

  @Override
  public CancelSignal cancel() {
    return () -> false;
  }

  @Override
  public String runMark() {
    return "seam-test-" + ProcessHandle.current().pid();
  }

  @Override
  public int parallel() {
    return 1;
  }

  @Override
  public Executor host() {
    return new HostExecutor(
        new ProcessLauncher(
            ExecOptions.defaults(Map.of()), new ProcessTreeKiller(Duration.ofMillis(300))));
  }

  @Override
  public Executor containerExecutor() {
    throw new UnsupportedOperationException("not part of a seam's test");
  }

  /** shiprun's own notifiers, as the engine finds them. */
  @Override
  public Optional<Notifier> notifier(String method) {
    return ServiceLoader.load(Notifier.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(n -> n.methods().contains(method))
        .findFirst();
  }

  @Override
  public Map<String, Integration> integrations() {
    return Map.copyOf(integrations);
  }

  /** As the engine's: refuses an unknown integration or one that is not a registry login. */
  @Override
  public List<ContainerRequest.RegistryGrant> login(List<String> integrationNames) {
    List<ContainerRequest.RegistryGrant> grants = new ArrayList<>();
    for (String name : integrationNames) {
      Integration integration = integrations.get(name);
      if (integration == null) {
        throw new IllegalArgumentException("no integration named '" + name + "'");
      }
      if (!integration.type().equals(IntegrationTypes.DOCKER_REGISTRY)) {
        throw new IllegalArgumentException("integration '" + name + "' is not a registry login");
      }
      loggedIn.add(name);
      grants.add(new ContainerRequest.RegistryGrant("registry.test", name, false));
    }
    return grants;
  }

  @Override
  public ContainerRequest container(
      Optional<String> imageName,
      String imageTag,
      boolean pull,
      List<String> options,
      List<Path> extraMounts) {
    throw new UnsupportedOperationException("not part of a seam's test");
  }

  @Override
  public Map<String, String> registryVariables() {
    return Map.of();
  }

  @Override
  public SecureOpening openSecure(String blob) {
    throw new UnsupportedOperationException("not part of a seam's test");
  }

  @Override
  public Optional<String> nodeSetting(String name) {
    return Optional.ofNullable(settings.get(name));
  }
}
