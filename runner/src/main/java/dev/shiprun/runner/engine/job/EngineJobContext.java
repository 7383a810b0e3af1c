package dev.shiprun.runner.engine.job;

import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.Resource;
import dev.shiprun.model.Step;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.model.integration.Secret;
import dev.shiprun.runner.engine.log.PrefixedOutput;
import dev.shiprun.runner.engine.version.RunInputs;
import dev.shiprun.runner.registry.RegistryLogin;
import dev.shiprun.spi.CancelSignal;
import dev.shiprun.spi.ContainerRequest;
import dev.shiprun.spi.Dependency;
import dev.shiprun.spi.Executor;
import dev.shiprun.spi.JobContext;
import dev.shiprun.spi.Notifier;
import dev.shiprun.spi.ResourceVersion;
import dev.shiprun.spi.ScriptOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link JobContext} over one job's run, once its build folder and variables are made: what a job
 * type's {@link dev.shiprun.spi.JobBody} runs with. Registry logins it adds go into the job's own
 * credentials file, which the run removes when it ends.
 */
final class EngineJobContext implements JobContext {

  private final JobRun run;
  private final JobPlugins plugins;
  private final ScriptPlacement placement;
  private final RegistryAccess registry;
  private final List<RegistryAccess.Grant> grants;
  private final Map<String, String> registryVariables;

  EngineJobContext(
      JobRun run, JobPlugins plugins, ScriptPlacement placement, RegistryAccess registry) {
    this.run = run;
    this.plugins = plugins;
    this.placement = placement;
    this.registry = registry;
    BuildFolder folder = run.folder().orElseThrow();
    this.grants = new ArrayList<>(folder.grants());
    this.registryVariables = new LinkedHashMap<>(folder.registryEnv());
  }

  @Override
  public Job job() {
    return run.job();
  }

  @Override
  public String line() {
    return run.line();
  }

  @Override
  public long runId() {
    return run.run().id();
  }

  @Override
  public int buildNumber() {
    return run.run().buildNumber();
  }

  @Override
  public String triggeredBy() {
    return run.request().triggeredBy();
  }

  @Override
  public Map<String, String> environment() {
    return run.environment().orElseThrow();
  }

  @Override
  public List<Dependency> dependencies() {
    RunInputs inputs = run.inputs();
    List<Dependency> out = new ArrayList<>();
    for (Step step : run.job().steps()) {
      String operation;
      String name;
      if (step instanceof InStep in) {
        operation = "IN";
        name = in.name();
      } else if (step instanceof OutStep o) {
        operation = "OUT";
        name = o.name();
      } else {
        continue;
      }
      Optional<Resource> resource = run.assemblyLine().resource(name);
      if (resource.isEmpty()) {
        continue; // a job as IN or OUT: its state is in the build folder
      }
      out.add(
          new Dependency(
              resource.get(),
              operation,
              run.workspace().dependency(operation, name),
              inputs.of(name).map(v -> new ResourceVersion(v.versionName(), v.propertyBag()))));
    }
    return out;
  }

  @Override
  public Path buildFolder() {
    return run.workspace().root();
  }

  @Override
  public Path scriptsFolder() {
    return run.workspace().scripts();
  }

  @Override
  public Path dataFolder() {
    Path folder =
        run.settings()
            .home()
            .resolve("job-data")
            .resolve(URLEncoder.encode(run.line(), StandardCharsets.UTF_8))
            .resolve(URLEncoder.encode(run.job().name(), StandardCharsets.UTF_8));
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the job's data folder " + folder, e);
    }
    return folder;
  }

  @Override
  public void say(String line) {
    run.log().runner(line);
  }

  @Override
  public ScriptOutput output(String prefix) {
    return new PrefixedOutput(run.log(), prefix);
  }

  @Override
  public void secret(String value) {
    run.log().masker().add(value);
  }

  @Override
  public Instant deadline() {
    return run.deadline();
  }

  @Override
  public CancelSignal cancel() {
    return run.request().cancellation();
  }

  @Override
  public String runMark() {
    return run.runMark();
  }

  @Override
  public int parallel() {
    return Math.max(1, run.request().parallel());
  }

  @Override
  public Executor host() {
    return run.host();
  }

  @Override
  public Executor containerExecutor() {
    return placement.containerExecutor();
  }

  @Override
  public Optional<Notifier> notifier(String method) {
    return plugins.notifier(method);
  }

  @Override
  public Map<String, Integration> integrations() {
    return run.request().integrations();
  }

  @Override
  public synchronized List<ContainerRequest.RegistryGrant> login(List<String> integrationNames) {
    List<RegistryAccess.Grant> added = new ArrayList<>();
    for (String name : integrationNames) {
      Integration integration = run.request().integrations().get(name);
      if (integration == null) {
        throw new IllegalArgumentException(
            "no integration named '" + name + "'; add it with 'shiprun integration add'");
      }
      if (!integration.type().equals(IntegrationTypes.DOCKER_REGISTRY)) {
        throw new IllegalArgumentException(
            "integration '"
                + name
                + "' is of type "
                + integration.type()
                + ", not a Docker Registry login; name a "
                + IntegrationTypes.DOCKER_REGISTRY
                + " integration");
      }
      added.add(new RegistryAccess.Grant(integration, RegistryLogin.of(integration)));
    }
    grants.addAll(added);
    try {
      registryVariables.putAll(registry.write(run.workspace(), grants));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the job's registry credentials", e);
    }
    return ScriptPlacement.registries(grants);
  }

  @Override
  public synchronized ContainerRequest container(
      Optional<String> imageName,
      String imageTag,
      boolean pull,
      List<String> options,
      List<Path> extraMounts) {
    List<Path> mounts = new ArrayList<>();
    mounts.add(buildFolder());
    mounts.addAll(extraMounts);
    return placement.request(
        imageName,
        imageTag,
        pull,
        options,
        mounts,
        grants,
        registryVariables.isEmpty()
            ? Optional.empty()
            : Optional.of(RegistryAccess.file(run.workspace())));
  }

  @Override
  public synchronized Map<String, String> registryVariables() {
    return Map.copyOf(registryVariables);
  }

  @Override
  public SecureOpening openSecure(String blob) {
    var secure = run.request().secure();
    Map<String, Secret> pairs = secure.ciValues().get(blob);
    if (pairs != null) {
      Map<String, String> out = new LinkedHashMap<>();
      pairs.forEach(
          (k, v) -> {
            secret(v.reveal());
            out.put(k, v.reveal());
          });
      return new SecureOpening(out, Optional.empty());
    }
    return new SecureOpening(
        Map.of(),
        Optional.of(
            Optional.ofNullable(secure.ciUnreadable().get(blob))
                .orElse("it is not a secure value of this line")));
  }

  @Override
  public Optional<String> nodeSetting(String name) {
    return Optional.ofNullable(run.settings().runtime().jobTypeSettings().get(name));
  }
}
