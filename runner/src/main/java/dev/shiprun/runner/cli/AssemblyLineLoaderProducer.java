package dev.shiprun.runner.cli;

import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.runner.resource.ResourceTypes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the model's (stateless, thread-safe) loader injectable into commands. */
@Singleton
public class AssemblyLineLoaderProducer {

  @Produces
  @Singleton
  AssemblyLineLoader assemblyLineLoader() {
    return new AssemblyLineLoader(ResourceTypes.load()::knows);
  }
}
