package dev.shiprun.runner.ci;

import dev.shiprun.model.ci.CiConfig;
import dev.shiprun.spi.BodyOutcome;
import dev.shiprun.spi.JobContext;

/** Sends a CI build's {@code integrations.notifications} when it starts and when it ends. */
public interface CiNotifications {

  /** No notifications. */
  CiNotifications NONE =
      new CiNotifications() {
        @Override
        public void started(JobContext context, CiConfig config, String branch) {}

        @Override
        public void ended(
            JobContext context, CiConfig config, String branch, BodyOutcome outcome) {}
      };

  /** Before the first matrix job starts ({@code on_start}). */
  void started(JobContext context, CiConfig config, String branch);

  /**
   * Once every matrix job ended, with the build's status and report ({@code on_success}, {@code
   * on_failure}, {@code on_cancel}).
   */
  void ended(JobContext context, CiConfig config, String branch, BodyOutcome outcome);
}
