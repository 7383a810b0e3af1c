package dev.shiprun.model.plan;

import dev.shiprun.model.env.SecureParams;
import dev.shiprun.model.integration.Integration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to plan: the jobs to start (none: the whole line from its roots), whether what they trigger
 * follows, the account integrations known to the command, and the opened {@code secure:} values of
 * the line's params resources.
 */
public record PlanRequest(
    List<String> jobs,
    boolean downstream,
    Map<String, Integration> integrations,
    SecureParams secure) {

  public PlanRequest {
    jobs = List.copyOf(jobs);
    integrations = Map.copyOf(integrations);
    Objects.requireNonNull(integrations, "integrations");
    Objects.requireNonNull(secure, "secure");
  }

  public PlanRequest(List<String> jobs, boolean downstream, Map<String, Integration> integrations) {
    this(jobs, downstream, integrations, SecureParams.NONE);
  }
}
