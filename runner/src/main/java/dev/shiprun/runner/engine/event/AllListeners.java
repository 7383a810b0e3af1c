package dev.shiprun.runner.engine.event;

import java.util.List;

/** Several listeners heard as one (see {@link RunListener#all}). */
record AllListeners(List<RunListener> listeners) implements RunListener {

  AllListeners {
    listeners = List.copyOf(listeners);
  }

  @Override
  public void on(RunEvent event) {
    boolean line = event instanceof RunEvent.LogLine;
    for (RunListener listener : listeners) {
      if (!line || listener.showsLines()) {
        listener.on(event);
      }
    }
  }

  /** Lines are made when one of them shows them. */
  @Override
  public boolean showsLines() {
    return listeners.stream().anyMatch(RunListener::showsLines);
  }
}
