package dev.shiprun.runner.engine.job;

import dev.shiprun.model.integration.Integration;
import dev.shiprun.runner.registry.RegistryError;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * After a step fails against a registry, which Docker Registry integration gave the job its access
 * there and how to check it. A failure counts as a registry's when the output shows a registry's
 * refusal (unauthorized, denied, manifest unknown …), or a connection or TLS error next to the name
 * of one of the job's registries; the hint then names the registries the output names, or all of
 * the job's when a refusal names none. Nothing is asked of the registry: the hint is read from the
 * output alone, and holds no secret (an integration's name, a registry's host, a command).
 */
final class RegistryHint implements FailureHint {

  /** Characters a shell takes as they are; a word with others is quoted. */
  private static final Pattern SHELL_PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+-]+");

  /** One grant per registry: the one whose credentials the job's config.json holds. */
  private final List<RegistryAccess.Grant> grants;

  private final Path home;

  /**
   * @param grants the job's registry logins, in step order
   * @param home the home the job ran in, where {@code integration test} finds stored integrations
   */
  RegistryHint(List<RegistryAccess.Grant> grants, Path home) {
    Map<String, RegistryAccess.Grant> byRegistry = new LinkedHashMap<>();
    for (RegistryAccess.Grant grant : grants) {
      byRegistry.put(grant.login().registryKey(), grant); // a later one wins, as in the file
    }
    this.grants = List.copyOf(byRegistry.values());
    this.home = home;
  }

  @Override
  public List<String> lines(String output) {
    Optional<RegistryError> error = RegistryError.in(output);
    if (grants.isEmpty() || error.isEmpty()) {
      return List.of();
    }
    List<RegistryAccess.Grant> named =
        grants.stream().filter(g -> g.login().namedIn(output)).toList();
    List<RegistryAccess.Grant> concerned =
        !named.isEmpty() ? named : error.get() == RegistryError.REFUSED ? grants : List.of();
    return concerned.stream().map(this::line).toList();
  }

  private String line(RegistryAccess.Grant grant) {
    Integration integration = grant.integration();
    String used =
        "the job's registry access came from integration '"
            + integration.name()
            + "' (registry "
            + grant.login().registryName()
            + ")";
    // The home's store gives no line; an integrations file gives the entry's position.
    if (integration.at().hasLine()) {
      return used
          + ", defined at "
          + integration.at()
          + "; check its username and password there (shiprun integration test checks the"
          + " integrations of a home)";
    }
    return used
        + "; check it with: shiprun integration test "
        + shellWord(integration.name())
        + (grant.login().plainHttp() ? " --insecure" : "")
        + " --home "
        + shellWord(home.toString());
  }

  private static String shellWord(String text) {
    return SHELL_PLAIN.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
  }
}
