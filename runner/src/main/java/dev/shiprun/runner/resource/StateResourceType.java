package dev.shiprun.runner.resource;

import dev.shiprun.model.Resource;
import dev.shiprun.spi.Dependency;
import dev.shiprun.spi.OutRun;
import dev.shiprun.spi.ResourceType;
import dev.shiprun.spi.ResourceVersion;
import dev.shiprun.spi.SavedFiles;
import dev.shiprun.spi.Seed;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code state}: files kept between runs and jobs (spec §1.4). Its versions come from jobs only: an
 * IN finds the version's files in {@code <NAME>_STATE}; an OUT's version keeps the files of its
 * {@code <NAME>_STATE} and is named by their sha. A new version triggers no job.
 */
public final class StateResourceType implements ResourceType {

  @Override
  public String name() {
    return "state";
  }

  @Override
  public Optional<Seed> seed(Resource resource) {
    return Optional.empty();
  }

  @Override
  public void materialise(Dependency dependency) throws IOException {
    Optional<SavedFiles> files = dependency.version().flatMap(ResourceVersion::files);
    if (dependency.isIn() && files.isPresent()) {
      files.get().unpackInto(dependency.stateFolder());
    }
  }

  @Override
  public ResourceVersion out(OutRun out) throws IOException {
    ResourceVersion standard = out.standard();
    SavedFiles files = out.pack(out.folder().resolve(out.resource().type()));
    Map<String, Object> bag = new LinkedHashMap<>(standard.propertyBag());
    bag.put("shaData", files.sha());
    return new ResourceVersion(Optional.of(files.sha()), bag, Optional.of(files));
  }

  @Override
  public boolean triggersJobs() {
    return false;
  }
}
