package dev.shiprun.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the tests ask the process table. */
final class Processes {

  private Processes() {}

  /**
   * Whether a process runs: present and not a zombie. A killed process whose parent is gone waits
   * for init to reap it, which in a container may take a while or never happen; it runs nothing.
   */
  static boolean isRunning(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException gone) {
      return false;
    }
  }
}
