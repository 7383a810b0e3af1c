package dev.shiprun.runner.engine.gitrepo;

import dev.shiprun.model.GitRepoResource;
import dev.shiprun.model.ResourceDefinition;
import dev.shiprun.model.ci.Branches;
import dev.shiprun.model.yaml.YamlMapping;
import dev.shiprun.model.yaml.YamlScalar;
import dev.shiprun.model.yaml.YamlSequence;
import dev.shiprun.model.yaml.YamlValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which branches and tags of its repository a gitRepo follows (spec §1.4): {@code branch}, or
 * {@code branches: {only, except}}, or the repository's default branch; {@code tags: {only,
 * except}}; names or wildcards ({@code release/*}). And whether a moved head ({@code
 * buildOnCommit}) or a new tag ({@code buildOnTagPush}) makes a version.
 */
record GitRepoFilter(
    Optional<String> branch,
    List<Pattern> branchesOnly,
    List<Pattern> branchesExcept,
    List<Pattern> tagsOnly,
    List<Pattern> tagsExcept,
    boolean buildOnCommit,
    boolean buildOnTagPush) {

  static GitRepoFilter of(GitRepoResource repo) {
    ResourceDefinition d = repo.definition();
    return new GitRepoFilter(
        d.text("branch").filter(s -> !s.isBlank()),
        patterns(section(d, "branches"), "only"),
        patterns(section(d, "branches"), "except"),
        patterns(section(d, "tags"), "only"),
        patterns(section(d, "tags"), "except"),
        flag(d, "buildOnCommit", true),
        flag(d, "buildOnTagPush", false));
  }

  /** The branches to follow among {@code existing}, sorted; empty when none matches. */
  List<String> branches(Collection<String> existing, Optional<String> defaultBranch) {
    if (branch.isPresent()) {
      return existing.contains(branch.get()) ? List.of(branch.get()) : List.of();
    }
    if (branchesOnly.isEmpty() && branchesExcept.isEmpty()) {
      return defaultBranch.filter(existing::contains).map(List::of).orElse(List.of());
    }
    List<String> out = new ArrayList<>();
    for (String b : existing) {
      if (follows(b, branchesOnly, branchesExcept)) {
        out.add(b);
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * Whether a push to {@code name} is followed: the named branch, or one {@code branches} lets
   * through; with neither, the default branch ({@code defaultBranch}, any when it is unknown).
   */
  boolean followsBranch(String name, Optional<String> defaultBranch) {
    if (branch.isPresent()) {
      return branch.get().equals(name);
    }
    if (branchesOnly.isEmpty() && branchesExcept.isEmpty()) {
      return defaultBranch.map(name::equals).orElse(true);
    }
    return follows(name, branchesOnly, branchesExcept);
  }

  boolean followsTag(String tag) {
    return follows(tag, tagsOnly, tagsExcept);
  }

  /** The filter in words, for "no branch matches …". */
  String describe() {
    if (branch.isPresent()) {
      return "branch '" + branch.get() + "'";
    }
    if (branchesOnly.isEmpty() && branchesExcept.isEmpty()) {
      return "the default branch (HEAD names none)";
    }
    return "branches only " + written(branchesOnly) + " except " + written(branchesExcept);
  }

  /** The wildcard names as the YAML wrote them ({@link #glob} undone). */
  private static List<String> written(List<Pattern> patterns) {
    List<String> out = new ArrayList<>();
    for (Pattern p : patterns) {
      String re = p.pattern();
      StringBuilder text = new StringBuilder();
      int i = 0;
      while (i < re.length()) {
        if (re.startsWith("\\Q", i)) {
          int end = re.indexOf("\\E", i + 2);
          end = end < 0 ? re.length() : end;
          text.append(re, i + 2, end);
          i = end + 2;
        } else if (re.startsWith(".*", i)) {
          text.append('*');
          i += 2;
        } else {
          text.append(re.charAt(i) == '.' ? '?' : re.charAt(i));
          i++;
        }
      }
      out.add(text.toString());
    }
    return out;
  }

  private static boolean follows(String name, List<Pattern> only, List<Pattern> except) {
    boolean in = only.isEmpty() || only.stream().anyMatch(p -> p.matcher(name).matches());
    return in && except.stream().noneMatch(p -> p.matcher(name).matches());
  }

  private static Optional<YamlMapping> section(ResourceDefinition d, String key) {
    for (Optional<YamlMapping> m : List.of(d.versionTemplate(), d.pointer())) {
      Optional<YamlValue> v = m.flatMap(x -> x.get(key));
      if (v.isPresent()) {
        return v.get() instanceof YamlMapping mapping ? Optional.of(mapping) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** {@code only: release/*} or {@code only: [main, "release/*"]}. */
  private static List<Pattern> patterns(Optional<YamlMapping> section, String key) {
    List<Pattern> out = new ArrayList<>();
    Optional<YamlValue> value = section.flatMap(m -> m.get(key));
    if (value.isEmpty()) {
      return out;
    }
    List<YamlValue> items =
        value.get() instanceof YamlSequence s ? s.items() : List.of(value.get());
    for (YamlValue item : items) {
      if (item instanceof YamlScalar s && !s.isNull()) {
        out.add(glob(s.text()));
      }
    }
    return out;
  }

  /** A wildcard name as a pattern: {@code *} any characters, {@code ?} one. */
  static Pattern glob(String text) {
    return Branches.wildcard(text);
  }

  private static boolean flag(ResourceDefinition d, String key, boolean otherwise) {
    return d.text(key).map(v -> v.equalsIgnoreCase("true")).orElse(otherwise);
  }
}
