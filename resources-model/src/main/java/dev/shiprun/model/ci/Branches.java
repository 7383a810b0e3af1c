package dev.shiprun.model.ci;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@code branches: {only, except}} filter. Each entry is a branch name, a name with wildcards
 * ({@code release/*}: {@code *} any characters, {@code ?} one), or a regular expression between
 * slashes ({@code /^feat-[0-9]+$/}); an entry matches the whole branch name.
 */
public record Branches(List<String> only, List<String> except) {

  public static final Branches ALL = new Branches(List.of(), List.of());

  public Branches {
    only = List.copyOf(only);
    except = List.copyOf(except);
  }

  /**
   * Whether {@code branch} passes: it matches an {@code only} entry (or there is none) and no
   * {@code except} entry. An entry whose regular expression does not compile matches nothing (the
   * reader reports it).
   */
  public boolean matches(String branch) {
    boolean in = only.isEmpty() || only.stream().anyMatch(e -> entryMatches(e, branch));
    return in && except.stream().noneMatch(e -> entryMatches(e, branch));
  }

  /** A name with wildcards matches the whole branch; a regular expression anywhere in it. */
  private static boolean entryMatches(String entry, String branch) {
    return pattern(entry)
        .map(p -> isRegex(entry) ? p.matcher(branch).find() : p.matcher(branch).matches())
        .orElse(false);
  }

  /**
   * Why {@code entry} cannot be used, when it is a regular expression that does not compile; empty
   * for a good entry.
   */
  static Optional<String> problem(String entry) {
    if (!isRegex(entry)) {
      return Optional.empty();
    }
    try {
      Pattern.compile(entry.substring(1, entry.length() - 1));
      return Optional.empty();
    } catch (PatternSyntaxException e) {
      return Optional.of(e.getDescription());
    }
  }

  private static boolean isRegex(String entry) {
    return entry.length() >= 2 && entry.startsWith("/") && entry.endsWith("/");
  }

  private static Optional<Pattern> pattern(String entry) {
    if (isRegex(entry)) {
      try {
        return Optional.of(Pattern.compile(entry.substring(1, entry.length() - 1)));
      } catch (PatternSyntaxException e) {
        return Optional.empty();
      }
    }
    return Optional.of(wildcard(entry));
  }

  /**
   * A name with wildcards as a pattern: {@code *} any characters, {@code ?} one, the rest as is.
   */
  public static Pattern wildcard(String text) {
    StringBuilder re = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '*' || c == '?') {
        if (!literal.isEmpty()) {
          re.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        re.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (!literal.isEmpty()) {
      re.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(re.toString());
  }
}
