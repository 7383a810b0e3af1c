package dev.shiprun.runner.ci;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.shiprun.runner.ci.cache.BuildCache;
import dev.shiprun.runner.ci.credentials.IntegrationAccess;
import dev.shiprun.runner.ci.notify.BuildNotifications;
import dev.shiprun.runner.ci.services.ServiceStarts;
import org.junit.jupiter.api.Test;

/** The build finds the cache, services, credentials and notifications of shiprun's own jar. */
class ExtrasSeamsTest {

  @Test
  void theBuildLoadsShiprunsOwnImplementationOfEachSeam() {
    CiSeams seams = CiSeams.load(CiSeams.class.getClassLoader());

    assertInstanceOf(BuildCache.class, seams.cache());
    assertInstanceOf(ServiceStarts.class, seams.services());
    assertInstanceOf(IntegrationAccess.class, seams.credentials());
    assertInstanceOf(BuildNotifications.class, seams.notifications());
  }
}
