package dev.shiprun.runner.plugin;

import dev.shiprun.spi.JobType;
import java.util.ArrayList;
import java.util.List;

/** Plugins for an engine test: shiprun's own, with a test's job type in place of a built-in. */
public final class TestPlugins {

  private TestPlugins() {}

  /**
   * The built-in plugins, but {@code type} runs its {@code type:} values instead of the built-in
   * that runs them (a job type with a body for {@code runSh}, say).
   */
  public static Plugins withJobType(JobType type) {
    Plugins builtIn = new PluginLoader().load(List.of());
    List<JobType> types = new ArrayList<>(List.of(type));
    for (JobType other : builtIn.of(JobType.class)) {
      if (other.types().stream().noneMatch(type.types()::contains)) {
        types.add(other);
      }
    }
    return new Plugins(
        builtIn::listed, service -> service == JobType.class ? types : builtIn.of(service));
  }
}
