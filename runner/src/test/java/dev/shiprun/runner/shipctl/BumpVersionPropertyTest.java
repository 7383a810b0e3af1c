package dev.shiprun.runner.shipctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * bump_version against the plain oracle {@link SemanticVersion}: for many versions (numbers with
 * and without leading zeros, pre-releases rc/alpha/beta with and without numbers, dotted and
 * hyphenated suffixes, build metadata) and every action, the real script run by bash prints a
 * version that never sorts below its input and has the shape docs/shipctl.md gives.
 */
class BumpVersionPropertyTest {

  private static final List<String> CORES =
      List.of(
          "0.0.0",
          "1.2.3",
          "1.2.08",
          "01.02.03",
          "9.9.9",
          "10.0.99",
          "0.10.010",
          "1.2.99999999999999999999");

  private static final List<String> PRERELEASES =
      List.of(
          "",
          "rc",
          "rc.1",
          "rc.09",
          "rc.9",
          "rc.1-hotfix",
          "rc.1.2",
          "rc.a",
          "rc4",
          "rc-1",
          "prerc",
          "RC.1",
          "alpha",
          "alpha.1",
          "alpha.beta",
          "alpha.3",
          "alpha-1",
          "beta",
          "beta.2",
          "beta.2.a",
          "1",
          "0.3",
          "x-rc.1",
          "hotfix-1",
          "zeta");

  private static final List<String> BUILDS = List.of("", "+x", "+build.5", "+001");

  @TempDir Path dir;
  JobFolder job;

  @BeforeEach
  void setUp() {
    job = JobFolder.runSh(dir, "release");
  }

  /** Every core with every pre-release; the v and the build metadata rotate over them. */
  static List<String> versions() {
    List<String> versions = new ArrayList<>();
    int i = 0;
    for (String core : CORES) {
      for (String prerelease : PRERELEASES) {
        String v = i % 3 == 0 ? "v" : "";
        String pre = prerelease.isEmpty() ? "" : "-" + prerelease;
        versions.add(v + core + pre + BUILDS.get(i % BUILDS.size()));
        i++;
      }
    }
    return versions;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"major", "minor", "patch", "rc", "alpha", "beta", "final"})
  void neverSortsBelowItsInputAndHasTheDocumentedShape(String action) {
    List<String> versions = versions();
    Shipctl.Result run =
        job.bash(
            "while IFS= read -r version; do out=$(shipctl bump_version \"$version\" "
                + action
                + " 2>&1); printf '%s\\t%s\\t%s\\n' \"$version\" \"$?\" \"$out\"; done <<'EOF'\n"
                + String.join("\n", versions)
                + "\nEOF\n");
    assertEquals(0, run.exitCode(), run::toString);

    List<String> failures = new ArrayList<>();
    List<String> lines = run.stdout().lines().toList();
    assertEquals(versions.size(), lines.size(), run::toString);
    for (String line : lines) {
      String[] fields = line.split("\t", 3);
      String problem = problem(fields[0], action, fields[1], fields[2]);
      if (problem != null) {
        failures.add(fields[0] + " " + action + " -> " + fields[2] + ": " + problem);
      }
    }
    assertTrue(
        failures.isEmpty(),
        () ->
            failures.size()
                + " of "
                + versions.size()
                + " cases fail:\n"
                + failures.stream().collect(Collectors.joining("\n")));
  }

  /** What is wrong with {@code output} as the bump of {@code input}, or null. */
  private static String problem(String input, String action, String exit, String output) {
    if (!exit.equals("0")) {
      return "exit " + exit;
    }
    SemanticVersion in = SemanticVersion.parse(input);
    SemanticVersion out;
    try {
      out = SemanticVersion.parse(output);
    } catch (IllegalArgumentException e) {
      return "not a version";
    }
    if (!SemanticVersion.withoutLeadingZeros(output) || output.contains("+")) {
      return "not written as semver 2.0 (leading zeros or build metadata)";
    }
    if (out.v() != in.v()) {
      return "the leading v is not kept";
    }
    int order = out.compareTo(in);
    boolean mayEqual = action.equals("final") && in.prerelease().isEmpty();
    if (order < 0 || (order == 0 && !mayEqual)) {
      return order < 0 ? "sorts below the input" : "sorts with the input";
    }
    SemanticVersion expected = expected(in, action);
    if (out.compareTo(expected) != 0 || !out.prerelease().equals(expected.prerelease())) {
      return "the documented result is " + expected.text();
    }
    return null;
  }

  /**
   * The documented result. major, minor, patch: the next core, no pre-release; final: the core. rc,
   * alpha, beta: the lowest version written X.Y.Z-TAG, X.Y.Z-TAG.N or X.Y.(Z+1)-TAG that sorts
   * above the input.
   */
  private static SemanticVersion expected(SemanticVersion in, String action) {
    BigInteger one = BigInteger.ONE;
    return switch (action) {
      case "major" ->
          new SemanticVersion(
              in.v(), in.major().add(one), BigInteger.ZERO, BigInteger.ZERO, List.of());
      case "minor" ->
          new SemanticVersion(in.v(), in.major(), in.minor().add(one), BigInteger.ZERO, List.of());
      case "patch" ->
          new SemanticVersion(in.v(), in.major(), in.minor(), in.patch().add(one), List.of());
      case "final" -> new SemanticVersion(in.v(), in.major(), in.minor(), in.patch(), List.of());
      default -> lowestTagAbove(in, action);
    };
  }

  private static SemanticVersion lowestTagAbove(SemanticVersion in, String tag) {
    List<SemanticVersion> candidates = new ArrayList<>();
    candidates.add(withTag(in, in.patch(), List.of(tag)));
    candidates.add(withTag(in, in.patch().add(BigInteger.ONE), List.of(tag)));
    candidates.add(withTag(in, in.patch(), List.of(tag, "1")));
    // TAG.N grows with N: the lowest one above the input follows a number of the input.
    for (String identifier : in.prerelease()) {
      if (identifier.matches("[0-9]+")) {
        String next = new BigInteger(identifier).add(BigInteger.ONE).toString();
        candidates.add(withTag(in, in.patch(), List.of(tag, next)));
      }
    }
    return candidates.stream()
        .filter(c -> c.compareTo(in) > 0)
        .min(Comparator.naturalOrder())
        .orElseThrow();
  }

  private static SemanticVersion withTag(SemanticVersion in, BigInteger patch, List<String> pre) {
    return new SemanticVersion(in.v(), in.major(), in.minor(), patch, pre);
  }
}
