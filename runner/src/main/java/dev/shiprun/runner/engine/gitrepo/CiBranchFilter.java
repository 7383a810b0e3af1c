package dev.shiprun.runner.engine.gitrepo;

import dev.shiprun.model.ci.Branches;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether a CI {@code branches:} filter builds a push to a branch (or tag): in {@code only} when it
 * is given, and not in {@code except}. An entry is a name, or a regular expression between slashes
 * ({@code /^release-.*$/}) as Travis and Shippable read them.
 */
public final class CiBranchFilter {

  private CiBranchFilter() {}

  public static boolean builds(Branches branches, String name) {
    boolean in = branches.only().isEmpty() || matchesAny(branches.only(), name);
    return in && !matchesAny(branches.except(), name);
  }

  private static boolean matchesAny(List<String> entries, String name) {
    return entries.stream().anyMatch(e -> matches(e, name));
  }

  private static boolean matches(String entry, String name) {
    if (entry.length() > 2 && entry.startsWith("/") && entry.endsWith("/")) {
      try {
        return Pattern.compile(entry.substring(1, entry.length() - 1)).matcher(name).find();
      } catch (PatternSyntaxException e) {
        return false;
      }
    }
    return entry.equals(name);
  }
}
