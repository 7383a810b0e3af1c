package dev.shiprun.model.plan;

import dev.shiprun.model.integration.Integration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to plan: the jobs to start (none: the whole line from its roots), whether what they trigger
 * follows, and the account integrations known to the command.
 */
public record PlanRequest(
    List<String> jobs, boolean downstream, Map<String, Integration> integrations) {

  public PlanRequest {
    jobs = List.copyOf(jobs);
    integrations = Map.copyOf(integrations);
    Objects.requireNonNull(integrations, "integrations");
  }
}
