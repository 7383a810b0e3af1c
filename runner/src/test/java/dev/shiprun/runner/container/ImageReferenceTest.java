package dev.shiprun.runner.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which registry an image comes from, as the engines read a reference. */
class ImageReferenceTest {

  @Test
  void aFirstPartWithADotAColonOrLocalhostIsTheRegistry() {
    assertEquals("registry.example.com", registry("registry.example.com/team/app:1"));
    assertEquals("127.0.0.1:5000", registry("127.0.0.1:5000/app:2"));
    assertEquals("localhost", registry("localhost/shiprun-test/mini:1"));
    assertEquals("localhost:5000", registry("localhost:5000/app:latest"));
  }

  @Test
  void anyOtherReferenceIsOfDockerHub() {
    assertEquals("docker.io", registry("debian:bookworm-slim"));
    assertEquals("docker.io", registry("library/debian:bookworm-slim"));
    assertEquals("docker.io", registry("team/app:1"));
  }

  @Test
  void nameAndTagMakeTheReference() {
    assertEquals("team/app:1.2", ImageReference.of("team/app", "1.2").value());
  }

  private static String registry(String reference) {
    return new ImageReference(reference).registry();
  }
}
