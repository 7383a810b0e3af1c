package dev.shiprun.runner.doctor;

import dev.shiprun.runner.plugin.LoadedPlugin;
import dev.shiprun.runner.plugin.PluginException;
import dev.shiprun.runner.plugin.PluginPath;
import dev.shiprun.runner.plugin.Plugins;
import dev.shiprun.runner.store.StoreProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The home: the folder (there or makeable, writable, who else may write it), the free space of its
 * file system, its store (opened without being changed or made) and the plugins it loads.
 */
final class HomeChecks {

  /** Below this, a run's logs and build folder may not fit: a warning. */
  private static final long LOW_SPACE = 1L << 30;

  /** Below this, the store and logs soon fail to write: jobs cannot run. */
  private static final long NO_SPACE = 100L << 20;

  private final DoctorSettings settings;

  HomeChecks(DoctorSettings settings) {
    this.settings = settings;
  }

  List<Check> checks() {
    return List.of(home(), disk(), store(), plugins());
  }

  private Check home() {
    Path dir = settings.home();
    if (Files.isDirectory(dir)) {
      if (!Files.isWritable(dir) || !Files.isExecutable(dir)) {
        return Check.fail(
            "home",
            dir + " is not writable for user " + user(),
            "make it writable (chmod u+rwx "
                + dir
                + ") or choose another with --home or"
                + " SHIPRUN_HOME");
      }
      return othersMayWrite(dir)
          .map(
              mode ->
                  Check.warn(
                      "home",
                      dir
                          + " has mode "
                          + mode
                          + ": other users may write into it, and its plugins folder holds code"
                          + " shiprun runs",
                      "chmod go-w " + dir))
          .orElseGet(() -> Check.ok("home", dir + mode(dir)));
    }
    if (Files.exists(dir)) {
      return Check.fail(
          "home", dir + " is not a folder", "choose another with --home or SHIPRUN_HOME");
    }
    Path parent = existingParent(dir);
    if (parent != null && Files.isDirectory(parent) && Files.isWritable(parent)) {
      return Check.ok("home", dir + " (made by the first command that needs it)");
    }
    return Check.fail(
        "home",
        dir
            + " cannot be made ("
            + (parent == null ? "no folder above it exists" : parent + " is not a writable folder")
            + ")",
        "choose another with --home or SHIPRUN_HOME");
  }

  private Check disk() {
    Path dir = Files.exists(settings.home()) ? settings.home() : existingParent(settings.home());
    if (dir == null) {
      return Check.warn("disk", "no folder of " + settings.home() + " exists to measure");
    }
    long free;
    try {
      free = Files.getFileStore(dir).getUsableSpace();
    } catch (IOException e) {
      return Check.warn(
          "disk", "the free space of " + dir + " is unknown (" + e.getMessage() + ")");
    }
    String found = size(free) + " free for the home";
    if (free < NO_SPACE) {
      return Check.fail(
          "disk",
          found + ": the store and job logs cannot be written",
          "free space there or give a --home on a larger device");
    }
    if (free < LOW_SPACE) {
      return Check.warn(
          "disk",
          found + ": a build folder or an image may not fit",
          "free space there or give a --home on a larger device");
    }
    return Check.ok("disk", found);
  }

  private Check store() {
    StoreProbe.Finding finding = StoreProbe.probe(settings.home());
    if (finding instanceof StoreProbe.Finding.Missing missing) {
      return Check.ok("store", "no store yet in " + missing.folder() + " (made by the first run)");
    }
    if (finding instanceof StoreProbe.Finding.Ready ready) {
      String runs = ready.runs() + (ready.runs() == 1 ? " run" : " runs");
      if (ready.schema() > ready.known()) {
        return Check.fail(
            "store",
            ready.folder()
                + " was made by a newer shiprun (schema "
                + ready.schema()
                + ", this one knows "
                + ready.known()
                + ")",
            "use that shiprun version, or give a new --home");
      }
      if (ready.schema() < ready.known()) {
        return Check.ok(
            "store",
            ready.folder()
                + " opens, "
                + runs
                + " (schema "
                + ready.schema()
                + "; the next run brings it to "
                + ready.known()
                + ")");
      }
      return Check.ok("store", ready.folder() + " opens, " + runs);
    }
    if (finding instanceof StoreProbe.Finding.Refused refused) {
      return new Check("store", Check.Status.FAIL, refused.reason(), Optional.empty());
    }
    throw new AssertionError(finding);
  }

  private Check plugins() {
    Plugins loaded;
    try {
      loaded = settings.plugins().get();
    } catch (PluginException e) {
      return new Check("plugins", Check.Status.FAIL, e.getMessage(), Optional.empty());
    }
    List<String> jars =
        loaded.listed().stream()
            .map(LoadedPlugin::jar)
            .flatMap(Optional::stream)
            .map(p -> p.getFileName().toString())
            .distinct()
            .toList();
    return Check.ok(
        "plugins",
        loaded.listed().size()
            + " loaded, "
            + (jars.isEmpty()
                ? "all built in (jars go in " + settings.home().resolve(PluginPath.FOLDER) + ")"
                : "from shiprun and " + String.join(", ", jars)));
  }

  /** The mode when group or others may write the folder. */
  private static Optional<String> othersMayWrite(Path dir) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
      return perms.contains(PosixFilePermission.GROUP_WRITE)
              || perms.contains(PosixFilePermission.OTHERS_WRITE)
          ? Optional.of(octal(perms))
          : Optional.empty();
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  private static String mode(Path dir) {
    try {
      return " (mode " + octal(Files.getPosixFilePermissions(dir)) + ")";
    } catch (IOException | UnsupportedOperationException e) {
      return "";
    }
  }

  private static String octal(Set<PosixFilePermission> perms) {
    int mode = 0;
    for (PosixFilePermission p : perms) {
      mode |= 1 << (8 - p.ordinal());
    }
    return String.format("%04o", mode);
  }

  private static Path existingParent(Path dir) {
    Path parent = dir.getParent();
    while (parent != null && !Files.exists(parent)) {
      parent = parent.getParent();
    }
    return parent;
  }

  private static String size(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
    return String.format(Locale.ROOT, "%d MiB", bytes >> 20);
  }

  private static String user() {
    return System.getProperty("user.name", "the current user");
  }
}
