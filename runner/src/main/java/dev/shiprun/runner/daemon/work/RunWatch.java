package dev.shiprun.runner.daemon.work;

import dev.shiprun.runner.store.RunRequest;

/**
 * What the daemon's live side hears of the runs its workers make (event streams, metrics, its own
 * log): every run by id, from the moment it began until it ended. Lines arrive masked.
 */
public interface RunWatch {

  /** A run of {@code job} began, for {@code request} (its own job, or one it triggered). */
  void began(RunRequest request, long runId, String job);

  void line(long runId, String text);

  /** How many secrets the masker hid in the run's output. */
  default void masked(long runId, long matches) {}

  /** Processes of a run were killed (a timeout, a cancel, leftovers of a finished script). */
  default void killed(int processes) {}

  /** Its final status is stored and its log is complete. */
  void ended(long runId, String job);

  RunWatch NONE =
      new RunWatch() {
        @Override
        public void began(RunRequest request, long runId, String job) {}

        @Override
        public void line(long runId, String text) {}

        @Override
        public void ended(long runId, String job) {}
      };
}
