package dev.shiprun.runner.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code shiprun --version}: the version of the Maven project, which the jar's manifest holds, and
 * the Java running it.
 */
public class ShiprunVersion implements IVersionProvider {

  private final String version;

  public ShiprunVersion(String version) {
    this.version = version;
  }

  /** This build's version, e.g. {@code 0.1.0}. */
  public String version() {
    return version;
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "shiprun " + version,
      "java "
          + System.getProperty("java.version")
          + " ("
          + System.getProperty("java.vm.name")
          + ", "
          + System.getProperty("java.vendor")
          + ") on "
          + System.getProperty("os.name")
          + " "
          + System.getProperty("os.arch")
    };
  }
}
