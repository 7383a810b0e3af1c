package dev.shiprun.model.env;

import dev.shiprun.model.CliConfigResource;
import dev.shiprun.model.GenericResource;
import dev.shiprun.model.GitRepoResource;
import dev.shiprun.model.ImageResource;
import dev.shiprun.model.IntegrationResource;
import dev.shiprun.model.NotificationResource;
import dev.shiprun.model.ParamsResource;
import dev.shiprun.model.ResourceVisitor;
import dev.shiprun.model.StateResource;
import dev.shiprun.model.TimeResource;
import dev.shiprun.model.TriggerResource;
import dev.shiprun.model.VersionResource;
import dev.shiprun.model.integration.Integration;
import java.util.Optional;

/**
 * The variables one kind of resource adds to an IN or OUT besides the common {@code <NAME>_*} set
 * (spec §3.7): an IN params resource its {@code <NAME>_PARAMS_<KEY>} (the opened secure pairs
 * hidden), a gitRepo its commit, branch and addresses; the other kinds nothing.
 */
final class KindVariables implements ResourceVisitor<Void> {

  private final JobEnv.Builder env;
  private final String prefix;
  private final String root;
  private final String operation;
  private final Optional<ResourceVersion> version;
  private final Optional<Integration> integration;
  private final SecureParams secure;

  KindVariables(
      JobEnv.Builder env,
      String prefix,
      String root,
      String operation,
      Optional<ResourceVersion> version,
      Optional<Integration> integration,
      SecureParams secure) {
    this.env = env;
    this.prefix = prefix;
    this.root = root;
    this.operation = operation;
    this.version = version;
    this.integration = integration;
    this.secure = secure;
  }

  @Override
  public Void params(ParamsResource resource) {
    if (operation.equals("IN")) {
      String origin = operation + " " + resource.name();
      ResourceEnv.addParams(env, prefix, resource, version, origin);
      secure
          .of(resource.name())
          .forEach(
              (k, v) ->
                  env.put(prefix + "_PARAMS_" + EnvNames.field(k), new EnvValue.Hidden(v), origin));
    }
    return null;
  }

  @Override
  public Void gitRepo(GitRepoResource resource) {
    GitRepoEnv.add(
        env, prefix, root, resource, version, integration, operation + " " + resource.name());
    return null;
  }

  @Override
  public Void image(ImageResource resource) {
    return null;
  }

  @Override
  public Void integration(IntegrationResource resource) {
    return null;
  }

  @Override
  public Void state(StateResource resource) {
    return null;
  }

  @Override
  public Void time(TimeResource resource) {
    return null;
  }

  @Override
  public Void version(VersionResource resource) {
    return null;
  }

  @Override
  public Void cliConfig(CliConfigResource resource) {
    return null;
  }

  @Override
  public Void notification(NotificationResource resource) {
    return null;
  }

  @Override
  public Void trigger(TriggerResource resource) {
    return null;
  }

  @Override
  public Void generic(GenericResource resource) {
    return null;
  }
}
