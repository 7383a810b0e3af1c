package dev.shiprun.runner.exec;

/**
 * Where the processes of one launch can be in the pid space: recorded just before the launch, from
 * the namespace's last allocated pid and the system's count of forks. Linux hands out pids in
 * increasing order and wraps to a low number only after reaching {@code pid_max}; as long as fewer
 * processes were forked since than the pids left above {@link #lastPid}, every process created
 * since has a pid above it. The leftover check then reads /proc entries of those pids only, instead
 * of the environment of every process on the machine, which shows in the row "shiprun run: per job"
 * (docs/benchmarks.md, "Speed tricks and the rows they serve"); the search without a window is the
 * oracle of {@code ProcessTableTest}.
 *
 * @param lastPid {@code /proc/sys/kernel/ns_last_pid} before the launch
 * @param forks the {@code processes} line of {@code /proc/stat} before the launch (all forks since
 *     boot, every namespace: an upper bound of the pids handed out here)
 */
record PidWindow(long lastPid, long forks) {

  /**
   * Whether every process created since the window opened has a pid above {@link #lastPid}, given
   * the fork count and pid limit now.
   */
  boolean holdsEverythingSince(long forksNow, long pidMax) {
    long forked = forksNow - forks;
    return forked >= 0 && lastPid > 0 && lastPid < pidMax && forked < pidMax - lastPid - 1;
  }

  /** Whether a process with this pid may have been created after the window opened. */
  boolean mayHoldNew(long pid) {
    return pid > lastPid;
  }
}
