package dev.shiprun.runner.cli;

import io.quarkus.arc.Unremovable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code shiprun --version}: the version Quarkus records at build time from the Maven project
 * ({@code quarkus.application.version}) and the Java running it.
 */
@Singleton
@Unremovable
public class ShiprunVersion implements IVersionProvider {

  private final String version;

  @Inject
  public ShiprunVersion(@ConfigProperty(name = "quarkus.application.version") String version) {
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
