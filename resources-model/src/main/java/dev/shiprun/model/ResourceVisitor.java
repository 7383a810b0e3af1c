package dev.shiprun.model;

/**
 * One method per kind of {@link Resource}: a class that implements it handles every kind, so the
 * compiler lists each place a new kind must be handled. {@link GenericResource} stands for every
 * {@code type:} the model has no record of its own for (file, ciRepo, a plugin's type …).
 */
public interface ResourceVisitor<T> {

  T image(ImageResource resource);

  T integration(IntegrationResource resource);

  T params(ParamsResource resource);

  T gitRepo(GitRepoResource resource);

  T state(StateResource resource);

  T time(TimeResource resource);

  T version(VersionResource resource);

  T cliConfig(CliConfigResource resource);

  T notification(NotificationResource resource);

  T trigger(TriggerResource resource);

  T generic(GenericResource resource);
}
