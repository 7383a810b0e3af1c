package dev.shiprun.runner.image;

import dev.shiprun.runner.registry.Tool;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The base image of src/image/base-image.sh (Debian, the job tools, a jlink JRE, the volume and the
 * healthcheck): built once per set of inputs and then taken from the script's cache, so only a
 * fresh machine (CI) pays for the build.
 */
final class BaseImage {

  /** From nothing on 2 busy cores it can take 5 minutes; leave room. */
  private static final Duration LIMIT = Duration.ofMinutes(12);

  private BaseImage() {}

  /**
   * Runs the script of {@code checkout} in {@code work}.
   *
   * @return the image as skopeo names it: {@code oci:<layout>:base}
   */
  static String build(Path checkout, Path work) throws IOException {
    Tool.Result result =
        Tool.run(
            work,
            Map.of("HOME", System.getProperty("user.home")),
            LIMIT,
            checkout.resolve("src/image/base-image.sh").toString());
    List<String> lines = result.output().strip().lines().toList();
    String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    if (!result.ok() || !last.startsWith("oci:")) {
      throw new IOException(
          "src/image/base-image.sh failed (exit " + result.exitCode() + "): " + result.output());
    }
    return last;
  }
}
