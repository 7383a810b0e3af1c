package dev.shiprun.model;

import dev.shiprun.model.diagnostic.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One of on_start / on_success / on_failure / on_cancel / always: script lines and NOTIFYs. */
public record HookSection(
    List<ScriptLine> script, List<NotifyStep> notifications, Optional<SourceLocation> at) {

  public static final HookSection NONE = new HookSection(List.of(), List.of(), Optional.empty());

  public HookSection {
    script = List.copyOf(script);
    notifications = List.copyOf(notifications);
    Objects.requireNonNull(at, "at");
  }

  public boolean isEmpty() {
    return script.isEmpty() && notifications.isEmpty();
  }
}
