package dev.shiprun.runner.ci;

import dev.shiprun.model.ci.CiConfig;
import dev.shiprun.spi.JobContext;
import java.nio.file.Path;

/**
 * A CI build's cache ({@code build.cache}, {@code cache_dir_list}): what a matrix job's checkout
 * gets back before its first section, and what a successful build keeps for the next one of the
 * same branch. Problems are lines in the job's log ({@link JobContext#say}), never a failed build.
 */
public interface CiCache {

  /** No cache: nothing is restored or saved. */
  CiCache NONE =
      new CiCache() {
        @Override
        public void restore(JobContext context, CiConfig config, Path checkout, String branch) {}

        @Override
        public void save(JobContext context, CiConfig config, Path checkout, String branch) {}
      };

  /**
   * Puts the cached folders back into {@code checkout}, a matrix job's own copy of the repository
   * ({@code SHIPPABLE_BUILD_DIR}), before that job's first section; called once per matrix job.
   */
  void restore(JobContext context, CiConfig config, Path checkout, String branch);

  /**
   * Keeps the cached folders of {@code checkout} (the first matrix job's) once the whole build
   * succeeded; called once per build, after the last section of every matrix job.
   */
  void save(JobContext context, CiConfig config, Path checkout, String branch);
}
