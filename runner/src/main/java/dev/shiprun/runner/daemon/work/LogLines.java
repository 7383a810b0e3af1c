package dev.shiprun.runner.daemon.work;

/** The daemon's limit on one log line as the API serves it (the stored log keeps it whole). */
public final class LogLines {

  private LogLines() {}

  public static String cut(String line, int max) {
    if (line.length() <= max) {
      return line;
    }
    int keep = Character.isHighSurrogate(line.charAt(max - 1)) ? max - 1 : max;
    return line.substring(0, keep)
        + " … [shiprun: "
        + (line.length() - keep)
        + " more characters; the line is longer than the daemon's --max-log-line]";
  }
}
