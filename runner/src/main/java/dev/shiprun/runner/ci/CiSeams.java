package dev.shiprun.runner.ci;

import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The parts of a CI build that live beside the build itself: its cache, services, credentials and
 * notifications. Each is found with {@link ServiceLoader} ({@code META-INF/services/} of its
 * interface) in shiprun's own jar, or does nothing when none is there.
 */
public record CiSeams(
    CiCache cache, CiServices services, CiCredentials credentials, CiNotifications notifications) {

  /** Nothing beside the build. */
  public static final CiSeams NONE =
      new CiSeams(CiCache.NONE, CiServices.NONE, CiCredentials.NONE, CiNotifications.NONE);

  public CiSeams {
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(services, "services");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(notifications, "notifications");
  }

  /** The implementations {@code loader} provides, each a no-op when none is provided. */
  public static CiSeams load(ClassLoader loader) {
    return new CiSeams(
        first(CiCache.class, loader, CiCache.NONE),
        first(CiServices.class, loader, CiServices.NONE),
        first(CiCredentials.class, loader, CiCredentials.NONE),
        first(CiNotifications.class, loader, CiNotifications.NONE));
  }

  private static <T> T first(Class<T> type, ClassLoader loader, T none) {
    return ServiceLoader.load(type, loader).findFirst().orElse(none);
  }
}
