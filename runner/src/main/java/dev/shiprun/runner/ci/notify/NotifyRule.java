package dev.shiprun.runner.ci.notify;

import dev.shiprun.model.ci.CiNotification;
import dev.shiprun.model.ci.NotifyWhen;
import java.util.Optional;

/**
 * When an {@code integrations.notifications} entry goes out, with Shippable's defaults for what it
 * leaves out: email on a success only when the status changed, on every failure and cancel; every
 * other kind on every success, failure and cancel; none at the start unless {@code on_start:
 * always}.
 */
enum NotifyRule {
  ON_START("on_start"),
  ON_SUCCESS("on_success"),
  ON_FAILURE("on_failure"),
  ON_CANCEL("on_cancel");

  private final String yamlName;

  NotifyRule(String yamlName) {
    this.yamlName = yamlName;
  }

  String yamlName() {
    return yamlName;
  }

  /** What the entry says for this event, else the default for its method. */
  NotifyWhen when(CiNotification entry, String method) {
    Optional<NotifyWhen> said =
        switch (this) {
          case ON_START -> entry.onStart();
          case ON_SUCCESS -> entry.onSuccess();
          case ON_FAILURE -> entry.onFailure();
          case ON_CANCEL -> entry.onCancel();
        };
    return said.orElseGet(() -> fallback(method));
  }

  private NotifyWhen fallback(String method) {
    return switch (this) {
      case ON_START -> NotifyWhen.NEVER;
      case ON_SUCCESS -> method.equals("email") ? NotifyWhen.CHANGE : NotifyWhen.ALWAYS;
      case ON_FAILURE, ON_CANCEL -> NotifyWhen.ALWAYS;
    };
  }
}
