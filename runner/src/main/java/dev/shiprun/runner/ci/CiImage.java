package dev.shiprun.runner.ci;

import dev.shiprun.model.ShellWords;
import dev.shiprun.model.ci.CiConfig;
import dev.shiprun.model.ci.MatrixJob;
import dev.shiprun.model.ci.PreCiBoot;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The image a matrix job's container runs: {@code pre_ci_boot}'s {@code image_name:image_tag}, else
 * the node's {@code ciImage.<language>} setting ({@code --ci-image}), else shiprun's default for
 * the language: an official image of Docker Hub tagged with the job's version (docs/ci.md).
 *
 * @param name the image without its tag
 * @param tag its tag
 * @param pull pull it before the job ({@code pre_ci_boot.pull}, true by default)
 * @param options {@code pre_ci_boot.options}, split as a shell would split them
 */
record CiImage(String name, String tag, boolean pull, List<String> options) {

  /** Where a language's default image comes from, and the tag used when the job has no version. */
  private record Default(String name, String tag, boolean versionIsTag) {}

  private static final Map<String, Default> DEFAULTS =
      Map.of(
          "node_js", new Default("node", "lts", true),
          "python", new Default("python", "3", true),
          "java", new Default("eclipse-temurin", "17", true),
          "ruby", new Default("ruby", "3", true),
          "go", new Default("golang", "1", true),
          "php", new Default("php", "8", true),
          "scala", new Default("sbtscala/scala-sbt", "latest", false),
          "clojure", new Default("clojure", "latest", false),
          "c/cpp", new Default("gcc", "latest", false));

  private static final Default FALLBACK = new Default("ubuntu", "22.04", false);

  CiImage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tag, "tag");
    options = List.copyOf(options);
  }

  String reference() {
    return name + ":" + tag;
  }

  /**
   * The image of {@code job}, or why {@code pre_ci_boot.options} cannot be read.
   *
   * @param nodeSetting the node's job type settings, by name
   */
  static Chosen choose(
      CiConfig config, MatrixJob job, Function<String, Optional<String>> nodeSetting) {
    PreCiBoot boot = config.build().preCiBoot();
    boolean pull = boot.pull().orElse(true);
    List<String> options = List.of();
    if (boot.options().isPresent()) {
      ShellWords.Result split = ShellWords.split(boot.options().get());
      if (split instanceof ShellWords.Unclosed unclosed) {
        return new Chosen(
            Optional.empty(),
            Optional.of(
                "build.pre_ci_boot.options leaves the quote "
                    + unclosed.what()
                    + " open at character "
                    + (unclosed.offset() + 1)
                    + ": close it"));
      }
      options = ((ShellWords.Words) split).words();
    }
    String name;
    String tag;
    if (boot.imageName().isPresent()) {
      name = boot.imageName().get();
      tag = boot.imageTag().orElse("latest");
    } else {
      Optional<String> set = nodeSetting.apply("ciImage." + config.language());
      if (set.isPresent()) {
        String[] parts = split(set.get());
        name = parts[0];
        tag = parts[1] != null ? parts[1] : job.version().orElse("latest");
      } else {
        Default d = DEFAULTS.getOrDefault(config.language(), FALLBACK);
        name = d.name();
        tag = d.versionIsTag() ? job.version().map(CiImage::tagOf).orElse(d.tag()) : d.tag();
      }
      tag = boot.imageTag().orElse(tag);
    }
    return new Chosen(Optional.of(new CiImage(name, tag, pull, options)), Optional.empty());
  }

  /** An image, or why there is none. */
  record Chosen(Optional<CiImage> image, Optional<String> problem) {}

  /** {@code name[:tag]}: the tag is what follows the last {@code :} after the last {@code /}. */
  private static String[] split(String image) {
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    return colon > slash
        ? new String[] {image.substring(0, colon), image.substring(colon + 1)}
        : new String[] {image, null};
  }

  /**
   * A version as an image tag: {@code openjdk11} and {@code oraclejdk8} are {@code 11}, {@code 8}.
   */
  static String tagOf(String version) {
    String tag = version.replaceFirst("^(openjdk|oraclejdk|jdk)", "");
    return tag.isEmpty() ? version : tag;
  }
}
