package dev.shiprun.runner.engine.job;

import dev.shiprun.runner.store.RunStatus;

/** The NOTIFY entries of on_start, once the build folder and the environment are ready. */
final class NotifyStart implements JobStep {

  private final Notifications notifications;

  NotifyStart(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public StepOutcome run(JobRun run) {
    notifications.send(run, HookEvent.ON_START, RunStatus.PROCESSING);
    return new StepOutcome.Next(run);
  }
}
