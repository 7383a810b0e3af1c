package dev.shiprun.runner.engine.job;

import dev.shiprun.model.HookSection;
import dev.shiprun.model.JobHooks;
import dev.shiprun.runner.store.RunStatus;
import java.util.List;
import java.util.function.Function;

/** The moments a job's NOTIFY entries are sent at (spec §1.3.4), by their YAML section name. */
enum HookEvent {
  ON_START("on_start", JobHooks::onStart),
  ON_SUCCESS("on_success", JobHooks::onSuccess),
  ON_FAILURE("on_failure", JobHooks::onFailure),
  ON_CANCEL("on_cancel", JobHooks::onCancel),
  ALWAYS("always", JobHooks::always);

  private final String yamlName;
  private final Function<JobHooks, HookSection> section;

  HookEvent(String yamlName, Function<JobHooks, HookSection> section) {
    this.yamlName = yamlName;
    this.section = section;
  }

  String yamlName() {
    return yamlName;
  }

  HookSection section(JobHooks hooks) {
    return section.apply(hooks);
  }

  /**
   * The sections a finished run notifies, in order: its own event, then always. An error (the
   * runner could not go on) counts as a failure, a timeout as a cancel, as on Shippable.
   */
  static List<HookEvent> endOf(RunStatus status) {
    HookEvent own =
        switch (status) {
          case SUCCESS -> ON_SUCCESS;
          case CANCELLED, TIMEOUT, INTERRUPTED -> ON_CANCEL;
          default -> ON_FAILURE;
        };
    return List.of(own, ALWAYS);
  }
}
