package dev.shiprun.runner.shipctl;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain oracle for bump_version: a version ordered by semver 2.0 precedence (semver.org §11),
 * written without shell. Numbers are read as decimal, so {@code 08} is 8, the rule shipctl
 * documents for leading zeros; a leading {@code v} and the build metadata take no part in the
 * order.
 */
record SemanticVersion(
    boolean v, BigInteger major, BigInteger minor, BigInteger patch, List<String> prerelease)
    implements Comparable<SemanticVersion> {

  private static final Pattern VERSION =
      Pattern.compile(
          "(v?)([0-9]+)\\.([0-9]+)\\.([0-9]+)"
              + "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?"
              + "(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");
  private static final Pattern NUMBER = Pattern.compile("[0-9]+");

  static SemanticVersion parse(String text) {
    Matcher m = VERSION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a semantic version: " + text);
    }
    return new SemanticVersion(
        !m.group(1).isEmpty(),
        new BigInteger(m.group(2)),
        new BigInteger(m.group(3)),
        new BigInteger(m.group(4)),
        m.group(5) == null ? List.of() : List.of(m.group(5).split("\\.")));
  }

  @Override
  public int compareTo(SemanticVersion other) {
    int c = major.compareTo(other.major);
    if (c == 0) {
      c = minor.compareTo(other.minor);
    }
    if (c == 0) {
      c = patch.compareTo(other.patch);
    }
    if (c != 0) {
      return c;
    }
    // A release sorts above every pre-release of it.
    if (prerelease.isEmpty() || other.prerelease.isEmpty()) {
      return Boolean.compare(prerelease.isEmpty(), other.prerelease.isEmpty());
    }
    for (int i = 0; i < Math.min(prerelease.size(), other.prerelease.size()); i++) {
      c = compareIdentifiers(prerelease.get(i), other.prerelease.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(prerelease.size(), other.prerelease.size());
  }

  /** Numbers by value, below words; words in ASCII order. */
  private static int compareIdentifiers(String a, String b) {
    boolean aNumber = NUMBER.matcher(a).matches();
    boolean bNumber = NUMBER.matcher(b).matches();
    if (aNumber && bNumber) {
      return new BigInteger(a).compareTo(new BigInteger(b));
    }
    if (aNumber != bNumber) {
      return aNumber ? -1 : 1;
    }
    return Integer.signum(a.compareTo(b)); // ASCII: identifiers hold only [0-9A-Za-z-]
  }

  /** The version written as semver 2.0 writes it (numbers without leading zeros). */
  String text() {
    String pre = prerelease.isEmpty() ? "" : "-" + String.join(".", prerelease);
    return (v ? "v" : "") + major + "." + minor + "." + patch + pre;
  }

  /** Whether {@code text} is written as semver 2.0 requires: no number with a leading zero. */
  static boolean withoutLeadingZeros(String text) {
    return !Pattern.compile("(^|[.-])0[0-9]").matcher(text.replaceFirst("^v", "")).find();
  }
}
