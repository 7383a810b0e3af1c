package dev.shiprun.runner.exec;

/**
 * A process of a run that shiprun sent a signal to.
 *
 * @param commandLine as /proc showed it when the process was found (arguments joined by spaces); it
 *     may hold secrets, so it goes through the masker like any job output
 * @param signal the last signal sent to it
 */
public record SignalledProcess(long pid, String commandLine, Signal signal) {

  public enum Signal {
    TERM,
    KILL
  }
}
