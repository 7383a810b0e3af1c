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

  private static final Set<String> KEY_TYPES = Set.of("sshKey", "pemKey");

  private static final String KEY_VALUE = "keyValuePair";

  @Override
  public CiAccess prepare(JobContext context, CiConfig config, String branch) {
    List<String> problems = new ArrayList<>();
    List<Integration> hub =
        known(
            context,
            applying(context, config.integrations().hub(), "hub", branch),
            "hub",
            Set.of(IntegrationTypes.DOCKER_REGISTRY.masterName()),
            "a Docker Registry integration",
            problems);
    List<Integration> keys =
        known(
            context,
            applying(context, config.integrations().key(), "key", branch),
            "key",
            KEY_TYPES,
            "an SSH Key or PEM Key integration",
            problems);
    List<Integration> generic =
        known(
            context,
            applying(context, config.integrations().generic(), "generic", branch),
            "generic",
            Set.of(KEY_VALUE),
            "a Key-Value pair integration",
            problems);
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

  /** The entries whose branches match {@code branch}; one line for each that does not. */
  private static List<CiIntegration> applying(
      JobContext context, List<CiIntegration> entries, String kind, String branch) {
    List<CiIntegration> out = new ArrayList<>();
    for (CiIntegration entry : entries) {
      if (entry.branches().matches(branch)) {
        out.add(entry);
      } else {
        context.say(
            "integrations."
                + kind
                + " entry '"
                + entry.integrationName()
                + "' is not used: branch "
                + branch
                + " is not in its branches");
      }
    }
    return out;
  }

  /** The integrations the entries name; a problem for each unknown one or one of another type. */
  private static List<Integration> known(
      JobContext context,
      List<CiIntegration> entries,
      String kind,
      Set<String> types,
      String wanted,
      List<String> problems) {
    List<Integration> out = new ArrayList<>();
    for (CiIntegration entry : entries) {
      String name = entry.integrationName();
      Integration integration = context.integrations().get(name);
      String where = "integrations." + kind + " entry '" + name + "' (" + entry.at() + ")";
      if (integration == null) {
        problems.add(
            where + " names no integration of this node; add it with 'shiprun integration add'");
      } else if (!types.contains(integration.type().masterName())) {
        problems.add(
            where
                + " is of type "
                + integration.type().masterName()
                + "; integrations."
                + kind
                + " takes "
                + wanted);
      } else {
        out.add(integration);
      }
    }
    return out;
  }
}
