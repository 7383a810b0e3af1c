package dev.shiprun.runner.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A check's line, and the registry an image name points at. */
class CheckTest {

  @Test
  void aLineIsStatusNameFoundAndTheFixWhenThereIsOne() {
    assertEquals("ok    jq: /usr/bin/jq", Check.ok("jq", "/usr/bin/jq").line());
    assertEquals(
        "warn  jq: not found on the PATH: apt-get install jq",
        Check.warn("jq", "not found on the PATH", "apt-get install jq").line());
    assertEquals("warn  image: not checked", Check.warn("image", "not checked").line());
    assertEquals(
        "fail  home: /h is not a folder: choose another",
        Check.fail("home", "/h is not a folder", "choose another").line());
  }

  @Test
  void anImageWithoutARegistryIsDockerHubs() {
    assertEquals("docker.io", ImageCheck.registry("debian:bookworm-slim"));
    assertEquals("docker.io", ImageCheck.registry("library/debian"));
    assertEquals("docker.io", ImageCheck.registry("docker.io/library/debian:bookworm-slim"));
    assertEquals("127.0.0.1:5000", ImageCheck.registry("127.0.0.1:5000/app/web:1"));
    assertEquals("localhost", ImageCheck.registry("localhost/mini:1"));
    assertEquals("ghcr.io", ImageCheck.registry("ghcr.io/owner/tool"));
  }
}
