package dev.shiprun.runner.ci.credentials;

import dev.shiprun.model.ci.CiConfig;
import dev.shiprun.model.ci.CiIntegration;
import dev.shiprun.model.env.EnvNames;
import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.runner.ci.CiCredentials;
import dev.shiprun.spi.ContainerRequest;
import dev.shiprun.spi.JobContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A CI build's {@code integrations.hub}, {@code key} and {@code generic} entries whose {@code
 * branches} match the build's branch: the job logs in to the hub registries before any image is
 * pulled, the keys go to {@code /tmp/ssh/} in the container with an ssh-agent, and key-value
 * integrations become variables (masked). An entry that names an unknown integration, or one of the
 * wrong type, stops the build before anything runs, with one line naming each.
 */
public final class IntegrationAccess implements CiCredentials {

  /** A kind of entry: its key under {@code integrations:} and the integration types it takes. */
  private record Kind(String key, Set<String> types, String wanted) {}

  private static final Kind HUB =
      new Kind(
          "hub",
          Set.of(IntegrationTypes.DOCKER_REGISTRY.masterName()),
          "a Docker Registry integration");

  private static final Kind KEY =
      new Kind("key", Set.of("sshKey", "pemKey"), "an SSH Key or PEM Key integration");

  private static final Kind GENERIC =
      new Kind("generic", Set.of("keyValuePair"), "a Key-Value pair integration");

  @Override
  public CiAccess prepare(JobContext context, CiConfig config, String branch) {
    List<String> problems = new ArrayList<>();
    List<Integration> hub = used(context, config.integrations().hub(), HUB, branch, problems);
    List<Integration> keys = used(context, config.integrations().key(), KEY, branch, problems);
    List<Integration> generic =
        used(context, config.integrations().generic(), GENERIC, branch, problems);
    if (!problems.isEmpty()) {
      return failed(problems);
    }
    try {
      List<String> names = hub.stream().map(Integration::name).toList();
      if (!names.isEmpty()) {
        for (ContainerRequest.RegistryGrant grant : context.login(names)) {
          context.say(
              "registry login: " + grant.registry() + " with integration " + grant.integration());
        }
      }
    } catch (IllegalArgumentException e) {
      return failed(List.of("integrations.hub: " + e.getMessage()));
    }
    Map<String, String> variables = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    if (!keys.isEmpty()) {
      List<KeyFiles.Key> files = new ArrayList<>();
      for (Integration key : keys) {
        String file = KeyFiles.fileName(key.name());
        files.add(new KeyFiles.Key(file, key));
        String secret =
            KeyFiles.field(key, key.type().masterName().equals("sshKey") ? "privateKey" : "key");
        if (!secret.isBlank()) {
          context.secret(secret);
        }
        variables.put(EnvNames.of(key.name()) + "_KEYPATH", KeyFiles.IN_CONTAINER + "/" + file);
      }
      try {
        lines.addAll(
            new KeyFiles(context.buildFolder().resolve("secrets").resolve("ci-keys"))
                .install(files));
      } catch (IOException e) {
        return failed(List.of("cannot write the keys of integrations.key: " + e.getMessage()));
      }
    }
    for (Integration kv : generic) {
      FieldValue envs = kv.effectiveFields().get("envs");
      if (envs instanceof FieldValue.Entries entries) {
        entries
            .values()
            .forEach(
                (key, secret) -> {
                  if (!secret.isEmpty()) {
                    context.secret(secret.reveal());
                  }
                  variables.put(EnvNames.sanitize(key), secret.reveal());
                  variables.put(
                      EnvNames.of(kv.name()) + "_INTEGRATION_" + EnvNames.field(key),
                      secret.reveal());
                });
      }
    }
    return new CiAccess(variables, lines, List.of(), Optional.empty());
  }

  private static CiAccess failed(List<String> problems) {
    return new CiAccess(Map.of(), List.of(), List.of(), Optional.of(String.join("; ", problems)));
  }

  /**
   * The integrations of the entries whose branches match {@code branch} (one line for each that
   * does not); a problem for each that names an unknown integration or one of another type.
   */
  private static List<Integration> used(
      JobContext context,
      List<CiIntegration> entries,
      Kind kind,
      String branch,
      List<String> problems) {
    List<Integration> out = new ArrayList<>();
    for (CiIntegration entry : entries) {
      String name = entry.integrationName();
      String where = "integrations." + kind.key() + " entry '" + name + "'";
      if (!entry.branches().matches(branch)) {
        context.say(where + " is not used: branch " + branch + " is not in its branches");
        continue;
      }
      Integration integration = context.integrations().get(name);
      where += " (" + entry.at() + ")";
      if (integration == null) {
        problems.add(
            where + " names no integration of this node; add it with 'shiprun integration add'");
      } else if (!kind.types().contains(integration.type().masterName())) {
        problems.add(
            where
                + " is of type "
                + integration.type().masterName()
                + "; integrations."
                + kind.key()
                + " takes "
                + kind.wanted());
      } else {
        out.add(integration);
      }
    }
    return out;
  }
}
