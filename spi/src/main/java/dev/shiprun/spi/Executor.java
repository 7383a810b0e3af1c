package dev.shiprun.spi;

/**
 * Runs one TASK's script somewhere: {@code host} runs it in bash on this machine; another executor
 * may run it in a container. It returns when the script and everything it started are gone and its
 * output is handed on, whatever way it ended.
 */
public interface Executor extends Plugin {

  ExecutionOutcome run(Execution execution);

  /** What a run's first log line says of it, e.g. how it keeps a script's processes together. */
  default String description() {
    return name();
  }
}
