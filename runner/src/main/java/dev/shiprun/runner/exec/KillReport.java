package dev.shiprun.runner.exec;

import java.util.List;

/**
 * What stopping a run's processes did.
 *
 * @param killed every process that got a signal and is gone now, in the order found
 * @param survivors processes that were still there after KILL and a wait (a process stuck in the
 *     kernel, or one shiprun may not signal); empty in the normal case
 */
public record KillReport(List<SignalledProcess> killed, List<SignalledProcess> survivors) {

  public static final KillReport NONE = new KillReport(List.of(), List.of());

  public KillReport {
    killed = List.copyOf(killed);
    survivors = List.copyOf(survivors);
  }
}
