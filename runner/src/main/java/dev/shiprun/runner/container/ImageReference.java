package dev.shiprun.runner.container;

import java.util.Objects;

/**
 * An image as the engine names it, {@code [registry/]path:tag}.
 *
 * @param value the whole reference
 */
public record ImageReference(String value) {

  /** The registry of a reference whose first part names none. */
  public static final String DOCKER_HUB = "docker.io";

  public ImageReference {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("an image reference is not empty");
    }
  }

  /** {@code name:tag}. */
  public static ImageReference of(String name, String tag) {
    return new ImageReference(name + ":" + tag);
  }

  /**
   * The registry the image is pulled from, as an {@code auths} key: the first part of the reference
   * when it holds a dot or a colon or is {@code localhost}, else Docker Hub.
   */
  public String registry() {
    int slash = value.indexOf('/');
    if (slash < 0) {
      return DOCKER_HUB;
    }
    String first = value.substring(0, slash);
    boolean host = first.contains(".") || first.contains(":") || first.equals("localhost");
    return host ? first : DOCKER_HUB;
  }

  @Override
  public String toString() {
    return value;
  }
}
