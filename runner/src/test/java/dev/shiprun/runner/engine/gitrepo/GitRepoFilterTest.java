package dev.shiprun.runner.engine.gitrepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GitRepoFilterTest {

  private static GitRepoFilter filter(
      Optional<String> branch, List<String> only, List<String> except) {
    return new GitRepoFilter(
        branch,
        only.stream().map(GitRepoFilter::glob).toList(),
        except.stream().map(GitRepoFilter::glob).toList(),
        List.of(),
        List.of(),
        true,
        false);
  }

  @Test
  void wildcardsMatchWholeNamesAndEverythingElseIsLiteral() {
    Pattern p = GitRepoFilter.glob("release/*.x");
    assertTrue(p.matcher("release/1.x").matches());
    assertTrue(p.matcher("release/1.2.x").matches());
    assertFalse(p.matcher("release/1.y").matches());
    assertFalse(p.matcher("xrelease/1.x").matches());
    assertTrue(GitRepoFilter.glob("v?").matcher("v1").matches());
    assertFalse(GitRepoFilter.glob("a+b").matcher("aab").matches(), "+ is not a regex here");
  }

  @Test
  void theNamedBranchTheFiltersOrTheDefault() {
    List<String> heads = List.of("main", "dev", "release/1", "release/2");
    assertEquals(
        List.of("dev"),
        filter(Optional.of("dev"), List.of(), List.of()).branches(heads, Optional.of("main")));
    assertEquals(
        List.of(),
        filter(Optional.of("gone"), List.of(), List.of()).branches(heads, Optional.empty()));
    assertEquals(
        List.of("main"),
        filter(Optional.empty(), List.of(), List.of()).branches(heads, Optional.of("main")));
    assertEquals(
        List.of("release/1", "release/2"),
        filter(Optional.empty(), List.of("release/*"), List.of())
            .branches(heads, Optional.of("main")));
    assertEquals(
        List.of("dev", "release/1"),
        filter(Optional.empty(), List.of(), List.of("main", "*2"))
            .branches(heads, Optional.of("main")));
  }
}
