package dev.shiprun.runner.ci.cache;

import dev.shiprun.model.ci.CiConfig;
import dev.shiprun.runner.ci.BranchKey;
import dev.shiprun.runner.ci.CiCache;
import dev.shiprun.spi.JobContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code build.cache: true}: the folders of {@code cache_dir_list} (the whole checkout when it is
 * empty) kept after a successful build as one {@code .tar.gz} per branch in the job's data folder,
 * and put back into the next build's checkout of that branch. An archive is written beside its
 * place and moved there when complete, so a build never reads half an archive; one over the size
 * limit (node setting {@value #LIMIT_SETTING}, in MiB) is not kept.
 */
public final class BuildCache implements CiCache {

  /** The node setting that limits an archive's size, in MiB. */
  public static final String LIMIT_SETTING = "ci.cacheLimitMiB";

  static final long DEFAULT_LIMIT_MIB = 1024;

  private static final long MIB = 1024 * 1024;

  @Override
  public void restore(JobContext context, CiConfig config, Path checkout, String branch) {
    if (!enabled(config)) {
      return;
    }
    Path archive = archive(context, branch);
    if (!Files.isRegularFile(archive)) {
      context.say("no cache yet for branch " + shown(branch));
      return;
    }
    try {
      TarArchive.read(archive, checkout);
      context.say(
          "cache restored for branch " + shown(branch) + " (" + size(Files.size(archive)) + ")");
    } catch (IOException e) {
      context.say("cache for branch " + shown(branch) + " not restored: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      context.say("cache for branch " + shown(branch) + " not restored: interrupted");
    }
  }

  @Override
  public void save(JobContext context, CiConfig config, Path checkout, String branch) {
    if (!enabled(config)) {
      return;
    }
    CacheFolders.Chosen chosen = CacheFolders.of(checkout, config.build().cacheDirList());
    chosen.refusals().forEach(context::say);
    if (chosen.relative().isEmpty()) {
      context.say("cache for branch " + shown(branch) + " not saved: no folder to keep");
      return;
    }
    long limitMib = limitMib(context);
    Path archive = archive(context, branch);
    Path partial = null;
    try {
      Files.createDirectories(archive.getParent());
      partial = Files.createTempFile(archive.getParent(), ".partial-", ".tar.gz");
      TarArchive.Written written =
          TarArchive.write(
              checkout.toAbsolutePath().normalize(), chosen.relative(), partial, limitMib * MIB);
      if (written instanceof TarArchive.Saved saved) {
        Files.move(
            partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        partial = null;
        context.say(
            "cache saved for branch "
                + shown(branch)
                + ": "
                + String.join(", ", chosen.relative())
                + " ("
                + size(saved.bytes())
                + ")");
      } else if (written instanceof TarArchive.TooLarge) {
        context.say(
            "cache for branch "
                + shown(branch)
                + " not saved: it is over the limit of "
                + limitMib
                + " MiB; cache fewer folders, or raise the node setting "
                + LIMIT_SETTING);
      } else if (written instanceof TarArchive.Failed failed) {
        context.say("cache for branch " + shown(branch) + " not saved: " + failed.reason());
      }
    } catch (IOException e) {
      context.say("cache for branch " + shown(branch) + " not saved: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      context.say("cache for branch " + shown(branch) + " not saved: interrupted");
    } finally {
      if (partial != null) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException ignored) {
          // a partial archive left behind is never read: only complete ones are moved into place
        }
      }
    }
  }

  private static boolean enabled(CiConfig config) {
    return config.build().cache().orElse(false);
  }

  /**
   * {@code cache/<hash of the branch>.tar.gz} in the job's data folder (one job per repository).
   */
  static Path archive(JobContext context, String branch) {
    return context.dataFolder().resolve("cache").resolve(BranchKey.of(branch) + ".tar.gz");
  }

  private long limitMib(JobContext context) {
    Optional<String> setting = context.nodeSetting(LIMIT_SETTING);
    if (setting.isEmpty()) {
      return DEFAULT_LIMIT_MIB;
    }
    try {
      long value = Long.parseLong(setting.get().strip());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // told below
    }
    context.say(
        "node setting "
            + LIMIT_SETTING
            + "='"
            + setting.get()
            + "' is not a positive number of MiB; the cache limit is "
            + DEFAULT_LIMIT_MIB
            + " MiB");
    return DEFAULT_LIMIT_MIB;
  }

  private static String shown(String branch) {
    return branch.isEmpty() ? "(none)" : branch;
  }

  /** An archive's size for people: KiB under one MiB, else MiB with one decimal. */
  static String size(long bytes) {
    if (bytes < MIB) {
      return (bytes + 1023) / 1024 + " KiB";
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
  }
}
