package dev.shiprun.runner.ci;

import java.util.List;
import java.util.Map;

/**
 * The {@code ci} commands of a build whose shippable.yml gives none, per language, following
 * Shippable's documented defaults (install the dependencies, then run the tests); docs/ci.md has
 * the table.
 */
final class DefaultCommands {

  private DefaultCommands() {}

  private static final Map<String, List<String>> BY_LANGUAGE =
      Map.of(
          "node_js",
          List.of("if [ -f yarn.lock ]; then yarn install; else npm install; fi", "npm test"),
          "python",
          List.of(
              "if [ -f requirements.txt ]; then pip install -r requirements.txt; fi",
              "if [ -f setup.py ]; then python setup.py test; else python -m pytest; fi"),
          "java",
          List.of(
              "if [ -f pom.xml ]; then mvn -B install; elif [ -f build.gradle ] || [ -f"
                  + " build.gradle.kts ]; then gradle check; else ant test; fi"),
          "ruby",
          List.of("bundle install", "bundle exec rake"),
          "go",
          List.of("go get -t -v ./...", "go test -v ./..."),
          "php",
          List.of("if [ -f composer.json ]; then composer install; fi", "phpunit"),
          "scala",
          List.of("sbt test"),
          "clojure",
          List.of("lein test"),
          "c/cpp",
          List.of("if [ -f configure ]; then ./configure; fi", "make", "make test"));

  /** The commands for {@code language}; none for a language shiprun has no defaults for. */
  static List<String> of(String language) {
    return BY_LANGUAGE.getOrDefault(language, List.of());
  }
}
