package dev.shiprun.runner.container;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The container command this node runs and which command language it speaks.
 *
 * @param cli the executable
 * @param kind podman's or docker's: they differ in how a pull gets its credentials and how a
 *     missing image is asked for
 */
public record ContainerEngine(Path cli, Kind kind) {

  /** The command language of a container CLI. */
  public enum Kind {
    PODMAN,
    DOCKER
  }

  public ContainerEngine {
    Objects.requireNonNull(cli, "cli");
    Objects.requireNonNull(kind, "kind");
  }

  /** The kind a CLI's file name says: {@code docker…} is docker's, anything else podman's. */
  public static ContainerEngine at(Path cli) {
    String file = cli.getFileName() == null ? "" : cli.getFileName().toString();
    return new ContainerEngine(cli, file.startsWith("docker") ? Kind.DOCKER : Kind.PODMAN);
  }

  /** The command's own name, for messages ({@code podman}, {@code docker}). */
  public String name() {
    return kind == Kind.DOCKER ? "docker" : "podman";
  }
}
