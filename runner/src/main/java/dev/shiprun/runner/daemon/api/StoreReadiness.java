package dev.shiprun.runner.daemon.api;

import dev.shiprun.runner.store.StoreException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /q/health/ready}: up once the daemon has opened its store and the store answers a query.
 * The response names no path and no exception text (health is open to anyone).
 */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {

  private static final String NAME = "store";

  private final DaemonContext daemon;

  @Inject
  public StoreReadiness(DaemonContext daemon) {
    this.daemon = daemon;
  }

  @Override
  public HealthCheckResponse call() {
    Optional<DaemonContext.Opened> opened = daemon.opened();
    if (opened.isEmpty()) {
      return HealthCheckResponse.named(NAME).down().withData("reason", "not open yet").build();
    }
    try {
      opened.get().store().ping();
      return HealthCheckResponse.up(NAME);
    } catch (StoreException e) {
      return HealthCheckResponse.named(NAME).down().withData("reason", "does not answer").build();
    }
  }
}
