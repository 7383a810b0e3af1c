package dev.shiprun.model.plan;

import dev.shiprun.model.CliConfigResource;
import dev.shiprun.model.GenericResource;
import dev.shiprun.model.GitRepoResource;
import dev.shiprun.model.ImageResource;
import dev.shiprun.model.IntegrationResource;
import dev.shiprun.model.NotificationResource;
import dev.shiprun.model.ParamsResource;
import dev.shiprun.model.Resource;
import dev.shiprun.model.ResourceVisitor;
import dev.shiprun.model.StateResource;
import dev.shiprun.model.TimeResource;
import dev.shiprun.model.TriggerResource;
import dev.shiprun.model.VersionResource;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.graph.ImpliedCi;

/**
 * Whether a resource has a version before any job of the line ran (spec §1.5 (a)): state needs
 * none, params and integration resources get theirs from the YAML, a ciRepo's come from CI's
 * webhook events (which shiprun does not receive) except the line's own, which a run makes from the
 * repository's git; any other kind has one when its YAML defines one or no job writes it.
 */
final class VersionBeforeAnyRun implements ResourceVisitor<Boolean> {

  private final AssemblyLine line;

  VersionBeforeAnyRun(AssemblyLine line) {
    this.line = line;
  }

  @Override
  public Boolean image(ImageResource resource) {
    return fromYamlOrUnwritten(resource);
  }

  @Override
  public Boolean integration(IntegrationResource resource) {
    return true;
  }

  @Override
  public Boolean params(ParamsResource resource) {
    return true;
  }

  @Override
  public Boolean gitRepo(GitRepoResource resource) {
    return fromYamlOrUnwritten(resource);
  }

  @Override
  public Boolean state(StateResource resource) {
    return true;
  }

  @Override
  public Boolean time(TimeResource resource) {
    return fromYamlOrUnwritten(resource);
  }

  @Override
  public Boolean version(VersionResource resource) {
    return fromYamlOrUnwritten(resource);
  }

  @Override
  public Boolean cliConfig(CliConfigResource resource) {
    return fromYamlOrUnwritten(resource);
  }

  @Override
  public Boolean notification(NotificationResource resource) {
    return fromYamlOrUnwritten(resource);
  }

  @Override
  public Boolean trigger(TriggerResource resource) {
    return fromYamlOrUnwritten(resource);
  }

  @Override
  public Boolean generic(GenericResource resource) {
    if (resource.type().equals("ciRepo")) {
      return ImpliedCi.isOwnCiRepo(line.pipeline(), resource.name());
    }
    return fromYamlOrUnwritten(resource);
  }

  private boolean fromYamlOrUnwritten(Resource r) {
    return r.definition().definesVersion() || !line.isProduced(r.name());
  }
}
