package dev.shiprun.runner.ci;

import dev.shiprun.model.ci.CiConfig;
import dev.shiprun.spi.JobContext;
import java.util.List;

/** Starts a CI build's {@code services:} (postgres, redis, …) inside its container. */
public interface CiServices {

  /** No services: no lines. */
  CiServices NONE = (context, config) -> List.of();

  /**
   * Bash lines that run in the build's container before the {@code ci} section, with the matrix
   * job's variables; empty when {@code config} names no services. A line that fails fails the
   * matrix job as a {@code ci} command would, so a missing service should say so and not fail.
   */
  List<String> scriptLines(JobContext context, CiConfig config);
}
