package dev.shiprun.model.ci;

import java.util.List;
import java.util.Map;

/** The key that holds a language's versions, as Shippable and Travis named it. */
final class Languages {

  private Languages() {}

  /** Language written when none is: Shippable's default. */
  static final String DEFAULT = "ruby";

  private static final Map<String, List<String>> VERSION_KEYS =
      Map.of(
          "node_js", List.of("node_js", "node"),
          "java", List.of("jdk", "java"),
          "ruby", List.of("rvm", "ruby"),
          "clojure", List.of("clojure", "lein"),
          "scala", List.of("scala"));

  /** The keys that may hold {@code language}'s versions, the usual one first. */
  static List<String> versionKeys(String language) {
    return VERSION_KEYS.getOrDefault(language, List.of(language));
  }
}
