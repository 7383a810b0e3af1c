package dev.shiprun.runner.engine.job;

import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.Named;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.Resource;
import dev.shiprun.model.Step;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.runner.engine.workspace.Workspace;
import dev.shiprun.runner.registry.DockerAuthFile;
import dev.shiprun.runner.registry.RegistryLogin;
import dev.shiprun.spi.ContainerRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registry access without a login in the script: every Docker Registry integration of the job's
 * {@code integrations:} list and of its INs and OUTs gets an {@code auths} entry in the job's own
 * {@code config.json}, in {@code secrets/docker/} of the build folder (0700, private to the run),
 * and {@code DOCKER_CONFIG} and {@code REGISTRY_AUTH_FILE} point the tools at it. The user's own
 * {@code ~/.docker} is never read or written. The file is removed when the job ends, {@code
 * --keep-workspace} or not.
 */
final class RegistryAccess {

  private final DockerAuthFile file;

  RegistryAccess(DockerAuthFile file) {
    this.file = file;
  }

  /**
   * One registry login of the job and the integration it comes from.
   *
   * @param integration the Docker Registry integration an IN or OUT of the job names
   * @param login its credentials
   */
  record Grant(Integration integration, RegistryLogin login) {

    /** What a container executor is told of it: the registry, the integration, plain HTTP. */
    ContainerRequest.RegistryGrant forContainer() {
      String key = login.registryKey();
      return new ContainerRequest.RegistryGrant(
          key.equals(IntegrationTypes.DOCKER_HUB_URL) ? DOCKER_HUB : key,
          integration.name(),
          login.plainHttp());
    }
  }

  /** How an image reference names Docker Hub's registry. */
  private static final String DOCKER_HUB = "docker.io";

  /**
   * The registry logins of the job: those of its {@code integrations:} list, then those of its INs
   * and OUTs in step order (a later one wins a registry, so a resource's integration wins over the
   * job's).
   */
  static List<Grant> grants(AssemblyLine line, Job job, Map<String, Integration> integrations)
      throws IOException {
    List<Grant> out = new ArrayList<>();
    for (Named named : job.header().integrations()) {
      add(out, Optional.ofNullable(integrations.get(named.name())));
    }
    for (Step step : job.steps()) {
      String name =
          step instanceof InStep in ? in.name() : step instanceof OutStep o ? o.name() : null;
      add(
          out,
          Optional.ofNullable(name)
              .flatMap(line::resource)
              .flatMap(Resource::integration)
              .map(i -> integrations.get(i.name())));
    }
    return out;
  }

  private static void add(List<Grant> out, Optional<Integration> integration) throws IOException {
    Optional<Integration> registry =
        integration.filter(i -> i.type().equals(IntegrationTypes.DOCKER_REGISTRY));
    if (registry.isPresent()) {
      try {
        out.add(new Grant(registry.get(), RegistryLogin.of(registry.get())));
      } catch (IllegalArgumentException e) {
        throw new IOException(e.getMessage()); // names the integration and the rule
      }
    }
  }

  /** Writes the job's config.json; the variables that point tools at it (none without logins). */
  Map<String, String> write(Workspace ws, List<Grant> grants) throws IOException {
    if (grants.isEmpty()) {
      return Map.of();
    }
    Path dir = folder(ws);
    Path config = file.write(dir, grants.stream().map(Grant::login).toList());
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DOCKER_CONFIG", dir.toString());
    env.put("REGISTRY_AUTH_FILE", config.toString());
    return env;
  }

  void remove(Workspace ws) throws IOException {
    file.delete(folder(ws));
  }

  /** The job's config.json, once {@link #write} made it. */
  static Path file(Workspace ws) {
    return DockerAuthFile.in(folder(ws));
  }

  private static Path folder(Workspace ws) {
    return ws.secrets().resolve("docker");
  }
}
