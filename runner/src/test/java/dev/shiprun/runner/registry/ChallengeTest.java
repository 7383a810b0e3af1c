package dev.shiprun.runner.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChallengeTest {

  @Test
  void readsTheParametersOfABearerChallenge() {
    assertEquals(
        List.of(
            new Challenge(
                "bearer",
                Map.of(
                    "realm", "https://auth.docker.io/token",
                    "service", "registry.docker.io",
                    "scope", "repository:a/b:pull,push"))),
        Challenge.parse(
            "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + " scope=\"repository:a/b:pull,push\""));
  }

  @Test
  void separatesChallengesInOneHeaderAndUnquotesValues() {
    assertEquals(
        List.of(
            new Challenge("basic", Map.of("realm", "a \"quoted\" realm")),
            new Challenge("bearer", Map.of("realm", "https://x/token", "service", "x"))),
        Challenge.parse(
            "Basic realm=\"a \\\"quoted\\\" realm\", Bearer realm=https://x/token, service=x"));
  }

  @Test
  void prefersBearerThenBasic() {
    assertEquals(
        "bearer",
        Challenge.choose(List.of("Negotiate", "Basic realm=\"r\"", "Bearer realm=\"t\""))
            .orElseThrow()
            .scheme());
    assertEquals(
        "basic",
        Challenge.choose(List.of("Negotiate", "Basic realm=\"r\"")).orElseThrow().scheme());
    assertEquals("negotiate", Challenge.choose(List.of("Negotiate")).orElseThrow().scheme());
    assertEquals(Optional.empty(), Challenge.choose(List.of()));
  }
}
