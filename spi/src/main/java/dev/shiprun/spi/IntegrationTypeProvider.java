package dev.shiprun.spi;

import dev.shiprun.model.integration.IntegrationType;
import java.util.List;

/**
 * Contributes integration types (spec §3.5): the {@code type:} of an integration in an integrations
 * file, {@code shiprun integration add --type} and the daemon's integrations API. A plugin lists
 * its provider in {@code META-INF/services/dev.shiprun.spi.IntegrationTypeProvider}; each type's
 * {@code masterName} is its name among the integration types.
 */
public interface IntegrationTypeProvider {

  List<IntegrationType> types();
}
