package dev.shiprun.runner.daemon.api;

import io.quarkus.tls.CertificateUpdatedEvent;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The certificate the API is served with over HTTPS: the TLS registry's configuration {@value
 * #CONFIGURATION}, whose PEM files {@code shiprun daemon --tls-cert/--tls-key} name. {@link
 * #reload} reads them again and hands the new pair to the HTTP server, which uses it from the next
 * connection on (open connections keep theirs).
 */
@ApplicationScoped
public class ApiCertificates {

  public static final String CONFIGURATION = "shiprun-api";

  private final TlsConfigurationRegistry registry;
  private final Event<CertificateUpdatedEvent> updated;

  @Inject
  public ApiCertificates(
      TlsConfigurationRegistry registry, Event<CertificateUpdatedEvent> updated) {
    this.registry = registry;
    this.updated = updated;
  }

  /**
   * Reads the certificate and key again and serves them; false (the pair served so far stays) when
   * there is no such configuration or the files cannot be used.
   */
  public synchronized boolean reload() {
    Optional<TlsConfiguration> configuration = registry.get(CONFIGURATION);
    if (configuration.isEmpty()) {
      return false;
    }
    try {
      if (!configuration.get().reload()) {
        return false;
      }
    } catch (RuntimeException unusable) {
      return false;
    }
    // The HTTP server listens for this event and swaps its SSL options (Quarkus's reload path).
    updated.fire(new CertificateUpdatedEvent(CONFIGURATION, configuration.get()));
    return true;
  }
}
