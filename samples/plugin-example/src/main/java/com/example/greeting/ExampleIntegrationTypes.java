package com.example.greeting;

import dev.shiprun.model.integration.IntegrationField;
import dev.shiprun.model.integration.IntegrationType;
import dev.shiprun.spi.IntegrationTypeProvider;
import java.util.List;
import java.util.Optional;

/**
 * {@code type: exampleToken}: an API address and its token. A job that reads an integration
 * resource of it gets {@code <NAME>_INTEGRATION_URL} and {@code <NAME>_INTEGRATION_TOKEN}, the
 * token masked in its log.
 */
public final class ExampleIntegrationTypes implements IntegrationTypeProvider {

  @Override
  public List<IntegrationType> types() {
    return List.of(
        new IntegrationType(
            "exampleToken",
            "Example Token",
            List.of("example-token"),
            List.of(IntegrationField.url("url", true), IntegrationField.secret("token")),
            Optional.empty()));
  }
}
