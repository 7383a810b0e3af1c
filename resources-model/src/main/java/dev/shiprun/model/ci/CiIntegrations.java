package dev.shiprun.model.ci;

import java.util.List;

/** The {@code integrations:} of a CI shippable.yml, by kind. */
public record CiIntegrations(
    List<CiIntegration> hub,
    List<CiNotification> notifications,
    List<CiIntegration> key,
    List<CiIntegration> generic) {

  public static final CiIntegrations NONE =
      new CiIntegrations(List.of(), List.of(), List.of(), List.of());

  public CiIntegrations {
    hub = List.copyOf(hub);
    notifications = List.copyOf(notifications);
    key = List.copyOf(key);
    generic = List.copyOf(generic);
  }
}
