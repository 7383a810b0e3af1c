package dev.shiprun.model;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The terminal sections of a job (spec §1.3.4). */
public record JobHooks(
    HookSection onStart,
    HookSection onSuccess,
    HookSection onFailure,
    HookSection onCancel,
    HookSection always) {

  public static final JobHooks NONE =
      new JobHooks(
          HookSection.NONE, HookSection.NONE, HookSection.NONE, HookSection.NONE, HookSection.NONE);

  public JobHooks {
    Objects.requireNonNull(onStart, "onStart");
    Objects.requireNonNull(onSuccess, "onSuccess");
    Objects.requireNonNull(onFailure, "onFailure");
    Objects.requireNonNull(onCancel, "onCancel");
    Objects.requireNonNull(always, "always");
  }

  public Stream<HookSection> all() {
    return sections().stream();
  }

  /** The five sections in order; for the rules, which visit every job (no stream each). */
  public List<HookSection> sections() {
    return List.of(onStart, onSuccess, onFailure, onCancel, always);
  }
}
