package dev.shiprun.runner.engine.gitrepo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.ci.Branches;
import java.util.List;
import org.junit.jupiter.api.Test;

class CiBranchFilterTest {

  @Test
  void buildsEveryBranchWithoutAFilter() {
    assertTrue(CiBranchFilter.builds(Branches.ALL, "anything"));
  }

  @Test
  void onlyAndExceptTakeNamesAndRegularExpressionsBetweenSlashes() {
    Branches branches = new Branches(List.of("main", "/^release-.*$/"), List.of("/wip/"));
    assertTrue(CiBranchFilter.builds(branches, "main"));
    assertTrue(CiBranchFilter.builds(branches, "release-1.2"));
    assertFalse(CiBranchFilter.builds(branches, "release-1.2-wip"), "except wins");
    assertFalse(CiBranchFilter.builds(branches, "feature"));
    assertFalse(CiBranchFilter.builds(branches, "mainline"), "a name is matched whole");
    assertFalse(CiBranchFilter.builds(new Branches(List.of(), List.of("gh-pages")), "gh-pages"));
    assertFalse(CiBranchFilter.builds(new Branches(List.of("/[/"), List.of()), "main"));
  }
}
