package dev.shiprun.spi;

/**
 * The version of these interfaces. A plugin jar says in its manifest which version it was built for
 * ({@value #MANIFEST_ATTRIBUTE}: {@code MAJOR.MINOR}); shiprun loads it when the major version is
 * the same and the minor version is not newer than its own, and refuses it with a message
 * otherwise.
 */
public final class SpiVersion {

  /** Changes when an interface changes in a way that breaks plugins built before. */
  public static final int MAJOR = 1;

  /** Changes when something is added that older plugins need not know. */
  public static final int MINOR = 0;

  /** The manifest attribute of a plugin jar that names the SPI version it was built for. */
  public static final String MANIFEST_ATTRIBUTE = "Shiprun-Spi-Version";

  private SpiVersion() {}

  /** {@code MAJOR.MINOR}, as a plugin's manifest writes it. */
  public static String text() {
    return MAJOR + "." + MINOR;
  }
}
