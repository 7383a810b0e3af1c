package dev.shiprun.spi;

import java.util.List;

/**
 * The shell items of one TASK and the hook sections attached to it (spec §1.3.3, §1.3.4), run in
 * one shell: the items in order; after a failing item on_failure then always (errors ignored);
 * after the last item on_success then always (a failure there fails the task).
 *
 * @param items the TASK's {@code script} items, each as written (one may hold many lines)
 * @param onSuccess run after the items when they all succeeded
 * @param onFailure run when an item failed
 * @param always run after on_success or on_failure
 */
public record Script(
    List<String> items, List<String> onSuccess, List<String> onFailure, List<String> always) {

  public Script {
    items = List.copyOf(items);
    onSuccess = List.copyOf(onSuccess);
    onFailure = List.copyOf(onFailure);
    always = List.copyOf(always);
  }

  /** Items without hooks. */
  public static Script of(List<String> items) {
    return new Script(items, List.of(), List.of(), List.of());
  }
}
