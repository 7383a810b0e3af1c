package dev.shiprun.model.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.Diagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

class BranchesTest {

  private static Branches read(String yaml) {
    return CiYaml.clean(yaml).branches();
  }

  @Test
  void noFilterMatchesEveryBranch() {
    assertTrue(Branches.ALL.matches("master"));
    assertTrue(Branches.ALL.matches("feature/x"));
  }

  @Test
  void onlyNamesMatchThoseBranchesExactly() {
    Branches b = read("branches:\n  only: [master, dev]\n");
    assertTrue(b.matches("master"));
    assertTrue(b.matches("dev"));
    assertFalse(b.matches("develop"));
    assertFalse(b.matches("old-master"));
  }

  @Test
  void exceptWinsOverOnly() {
    Branches b = read("branches:\n  only: ['release/*']\n  except: [release/broken]\n");
    assertTrue(b.matches("release/1.0"));
    assertFalse(b.matches("release/broken"));
    assertFalse(b.matches("master"));
  }

  @Test
  void exceptAloneLetsEveryOtherBranchThrough() {
    Branches b = read("branches:\n  except: ['feat*']\n");
    assertTrue(b.matches("master"));
    assertFalse(b.matches("feature-1"));
    assertFalse(b.matches("feat"));
  }

  @Test
  void wildcardsMatchAnyCharactersAndOneCharacterAndTheRestLiterally() {
    Branches b = read("branches:\n  only: ['v*.*', 'hotfix-?']\n");
    assertTrue(b.matches("v1.2"));
    assertFalse(b.matches("v12"), "the dot is a dot, not any character");
    assertTrue(b.matches("hotfix-7"));
    assertFalse(b.matches("hotfix-77"));
  }

  @Test
  void anEntryBetweenSlashesIsARegularExpressionFoundAnywhereUnlessAnchored() {
    Branches b = read("branches:\n  only: ['/^feat-[0-9]+$/', '/wip/']\n");
    assertTrue(b.matches("feat-12"));
    assertFalse(b.matches("feat-12a"));
    assertFalse(b.matches("my-feat-12"));
    assertTrue(b.matches("my-wip-branch"), "Travis and Shippable searched the name");
  }

  @Test
  void aRegularExpressionThatDoesNotCompileIsAnErrorAtItsEntryAndMatchesNothing() {
    Diagnostics out = new Diagnostics();
    CiConfig config = CiYaml.read("branches:\n  only: ['/feat-[0-9/']\n", out);
    List<Diagnostic> found = out.sorted();
    assertEquals(1, found.size(), found::toString);
    assertTrue(
        found.get(0).message().contains("'branches.only' entry '/feat-[0-9/'"), found::toString);
    assertEquals(2, found.get(0).at().line(), found::toString);
    assertFalse(config.branches().matches("feat-1"));
  }

  @Test
  void anIntegrationEntryHasItsOwnFilter() {
    CiConfig config =
        CiYaml.clean(
            """
            integrations:
              hub:
                - integrationName: prod-registry
                  branches:
                    only: [master]
            """);
    Branches b = config.integrations().hub().get(0).branches();
    assertTrue(b.matches("master"));
    assertFalse(b.matches("dev"));
  }
}
