package dev.shiprun.runner.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shiprun.model.ci.MatrixJob;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which image a matrix job runs in. */
class CiImageTest {

  private static MatrixJob job(String version) {
    return new MatrixJob(1, Optional.ofNullable(version), Optional.empty(), List.of(), false);
  }

  private static CiImage choose(String yaml, MatrixJob job, Map<String, String> settings) {
    return CiImage.choose(CiConfigs.read(yaml), job, n -> Optional.ofNullable(settings.get(n)))
        .image()
        .orElseThrow();
  }

  @Test
  void preCiBootWinsWithItsPullAndOptions() {
    CiImage image =
        choose(
            """
            language: node_js
            build:
              pre_ci_boot:
                image_name: registry.example.com/team/ci
                image_tag: v3
                pull: false
                options: "--cpus 2 -e 'A=x y'"
            """,
            job("20"),
            Map.of("ciImage.node_js", "other:1"));
    assertEquals(
        new CiImage(
            "registry.example.com/team/ci", "v3", false, List.of("--cpus", "2", "-e", "A=x y")),
        image);
  }

  @Test
  void theNodesSettingComesNextAndTakesTheVersionAsTagWhenItHasNone() {
    assertEquals(
        "localhost:5000/lab/node:9",
        choose(
                "language: node_js",
                job("20"),
                Map.of("ciImage.node_js", "localhost:5000/lab/node:9"))
            .reference());
    assertEquals(
        "localhost:5000/lab/node:20",
        choose("language: node_js", job("20"), Map.of("ciImage.node_js", "localhost:5000/lab/node"))
            .reference());
  }

  @Test
  void elseAnOfficialImageTaggedWithTheVersion() {
    assertEquals("node:20", choose("language: node_js", job("20"), Map.of()).reference());
    assertEquals("node:lts", choose("language: node_js", job(null), Map.of()).reference());
    assertEquals("python:3.12", choose("language: python", job("3.12"), Map.of()).reference());
    assertEquals(
        "eclipse-temurin:11", choose("language: java", job("openjdk11"), Map.of()).reference());
    assertEquals(
        "ruby:3", choose("build: {}", job(null), Map.of()).reference(), "ruby is the default");
    assertEquals("golang:1.22", choose("language: go", job("1.22"), Map.of()).reference());
    assertEquals("gcc:latest", choose("language: c/cpp", job("gcc"), Map.of()).reference());
    assertEquals(true, choose("language: go", job("1.22"), Map.of()).pull(), "pulled by default");
  }

  @Test
  void anOpenQuoteInTheOptionsIsAProblem() {
    assertEquals(
        Optional.of("build.pre_ci_boot.options leaves the quote ' open at character 4: close it"),
        CiImage.choose(
                CiConfigs.read("build: {pre_ci_boot: {options: \"-e 'x\"}}"),
                job(null),
                n -> Optional.empty())
            .problem());
  }
}
