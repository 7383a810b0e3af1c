package dev.shiprun.model.integration;

import java.util.List;

/**
 * Contributes integration types from a jar (listed in {@code
 * META-INF/services/dev.shiprun.model.integration.IntegrationTypeProvider}); adding a type touches
 * no engine code.
 */
public interface IntegrationTypeProvider {

  List<IntegrationType> types();
}
