package dev.shiprun.runner.engine.job;

import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.Resource;
import dev.shiprun.model.Step;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.runner.engine.workspace.Workspace;
import dev.shiprun.runner.registry.DockerAuthFile;
import dev.shiprun.runner.registry.RegistryLogin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registry access without a login in the script: every IN and OUT with a Docker Registry
 * integration gets an {@code auths} entry in the job's own {@code config.json}, in {@code
 * secrets/docker/} of the build folder (0700, private to the run), and {@code DOCKER_CONFIG} and
 * {@code REGISTRY_AUTH_FILE} point the tools at it. The user's own {@code ~/.docker} is never read
 * or written. The file is removed when the job ends, {@code --keep-workspace} or not.
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
  record Grant(Integration integration, RegistryLogin login) {}

  /** The registry logins of the job's INs and OUTs, in step order (a later one wins a registry). */
  static List<Grant> grants(AssemblyLine line, Job job, Map<String, Integration> integrations)
      throws IOException {
    List<Grant> out = new ArrayList<>();
    for (Step step : job.steps()) {
      String name =
          step instanceof InStep in ? in.name() : step instanceof OutStep o ? o.name() : null;
      Optional<Integration> integration =
          Optional.ofNullable(name)
              .flatMap(line::resource)
              .flatMap(Resource::integration)
              .map(i -> integrations.get(i.name()))
              .filter(i -> i.type().equals(IntegrationTypes.DOCKER_REGISTRY));
      if (integration.isPresent()) {
        try {
          out.add(new Grant(integration.get(), RegistryLogin.of(integration.get())));
        } catch (IllegalArgumentException e) {
          throw new IOException(e.getMessage()); // names the integration and the rule
        }
      }
    }
    return out;
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

  private static Path folder(Workspace ws) {
    return ws.secrets().resolve("docker");
  }
}
