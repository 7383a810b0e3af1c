package dev.shiprun.runner.container;

import java.util.UUID;

/** Names a script's container: shiprun's, the run's mark, the script's name, a random part. */
public final class ContainerName {

  private static final int PART_CHARS = 40;

  private ContainerName() {}

  /** {@code shiprun-<runMark>-<name>-<random>}, of the characters every engine accepts. */
  public static String of(String runMark, String scriptName) {
    String random = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    return "shiprun-" + part(runMark) + "-" + part(scriptName) + "-" + random;
  }

  private static String part(String text) {
    String clean = text.replaceAll("[^A-Za-z0-9_.-]", "-");
    return clean.length() > PART_CHARS ? clean.substring(0, PART_CHARS) : clean;
  }
}
