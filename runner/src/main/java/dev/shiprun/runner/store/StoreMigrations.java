package dev.shiprun.runner.store;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The store's migrations, named here instead of found by Flyway's class-path scan. The scan walks
 * the jar's entries (the uber-jar has ≈ 17,000) and cannot list resources in a native image at all;
 * a fixed list needs neither (a test keeps it equal to {@code db/migration}).
 */
final class StoreMigrations implements ResourceProvider {

  static final String FOLDER = "db/migration";

  /** Every migration, oldest first. Add the new file here too. */
  static final List<String> FILES =
      List.of(
          "V1__store.sql",
          "V2__resource_ids.sql",
          "V3__git_refs.sql",
          "V4__line_sources.sql",
          "V5__run_queue.sql",
          "V6__run_report.sql",
          "V7__webhook_deliveries.sql",
          "V8__run_steps.sql");

  @Override
  public LoadableResource getResource(String name) {
    for (String file : FILES) {
      if (name.equals(file) || name.equals(FOLDER + "/" + file)) {
        return new Migration(file);
      }
    }
    return null;
  }

  @Override
  public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
    List<LoadableResource> found = new ArrayList<>();
    for (String file : FILES) {
      if (file.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(file::endsWith)) {
        found.add(new Migration(file));
      }
    }
    return found;
  }

  /** One SQL file of {@code db/migration}, read from shiprun's own class path. */
  private static final class Migration extends LoadableResource {

    private final String file;

    Migration(String file) {
      this.file = file;
    }

    @Override
    public Reader read() {
      InputStream in = StoreMigrations.class.getClassLoader().getResourceAsStream(path());
      if (in == null) {
        throw new IllegalStateException(
            "the store migration " + path() + " is missing from shiprun");
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private String path() {
      return FOLDER + "/" + file;
    }

    @Override
    public String getAbsolutePath() {
      return path();
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return null;
    }

    @Override
    public String getFilename() {
      return file;
    }

    @Override
    public String getRelativePath() {
      return file;
    }
  }
}
