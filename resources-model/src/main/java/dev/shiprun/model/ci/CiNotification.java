package dev.shiprun.model.ci;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An entry of {@code integrations.notifications}: the integration, its recipients, and when it goes
 * out. An option left out is empty: the notifier's default applies.
 */
public record CiNotification(
    CiIntegration integration,
    List<String> recipients,
    Optional<NotifyWhen> onSuccess,
    Optional<NotifyWhen> onFailure,
    Optional<NotifyWhen> onCancel,
    Optional<NotifyWhen> onStart,
    Optional<NotifyWhen> onPullRequest) {

  public CiNotification {
    Objects.requireNonNull(integration, "integration");
    recipients = List.copyOf(recipients);
    Objects.requireNonNull(onSuccess, "onSuccess");
    Objects.requireNonNull(onFailure, "onFailure");
    Objects.requireNonNull(onCancel, "onCancel");
    Objects.requireNonNull(onStart, "onStart");
    Objects.requireNonNull(onPullRequest, "onPullRequest");
  }
}
