package dev.shiprun.runner.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.masker.SecretMasker;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.model.integration.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitTest {

  private static final String TOKEN = "made-up-scm-token-42";

  @TempDir Path temp;

  private static Integration github() {
    return new Integration(
        "gh",
        IntegrationTypes.builtIn().find("github").orElseThrow(),
        Map.of("token", new FieldValue.Hidden(new Secret(TOKEN))),
        SourceLocation.ofFile("i.yml"));
  }

  @Test
  void aTokenReachesGitAsAnHeaderInItsEnvironmentOnly() {
    GitAuth auth = GitAuth.of(Optional.of(github()));
    String header = auth.environment().get("GIT_CONFIG_VALUE_0");
    assertEquals("http.extraHeader", auth.environment().get("GIT_CONFIG_KEY_0"));
    String basic = header.substring("Authorization: Basic ".length());
    assertEquals(
        "x-access-token:" + TOKEN,
        new String(Base64.getDecoder().decode(basic), StandardCharsets.UTF_8));
    assertTrue(auth.secrets().contains(TOKEN));
    assertEquals(GitAuth.NONE, GitAuth.of(Optional.empty()));
  }

  @Test
  void errorsNameNoCredentials() {
    GitAuth auth = GitAuth.of(Optional.of(github()));
    String stderr =
        "Cloning...\nremote: bad token "
            + TOKEN
            + "\nfatal: unable to access 'https://bob:hunter2@example.com/x.git/': 403\n";
    String clean = Git.clean(stderr, auth);
    assertFalse(clean.contains(TOKEN), clean);
    assertFalse(clean.contains("hunter2"), clean);
    assertTrue(clean.contains("https://***@example.com/x.git/"), clean);
    assertEquals("https://***@h/r.git", Git.display("https://u:p@h/r.git"));
  }

  @Test
  void aFailingCommandIsAnExceptionWithGitsMessage() {
    Git git = new Git(Duration.ofSeconds(30));
    GitException e =
        assertThrows(
            GitException.class,
            () ->
                git.run(
                    temp,
                    GitAuth.NONE,
                    List.of("ls-remote", temp.resolve("missing.git").toString())));
    assertTrue(e.getMessage().startsWith("git ls-remote failed (exit 128): "), e.getMessage());
    assertTrue(e.getMessage().contains("missing.git"), e.getMessage());
  }

  @Test
  void forAJobItsMaskerMasksATokenInTheUrlGitNames() {
    // A token in a URL's path is no user:password@ that clean() knows: the job's masker knows it.
    SecretMasker masker = new SecretMasker(List.of(TOKEN));
    Git git = new Git(Duration.ofSeconds(30)).masking(masker::mask);
    String url = "file://" + temp.resolve(TOKEN).resolve("missing.git");
    GitException e =
        assertThrows(
            GitException.class, () -> git.run(temp, GitAuth.NONE, List.of("ls-remote", url)));
    assertTrue(e.getMessage().startsWith("git ls-remote failed (exit 128): "), e.getMessage());
    assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    assertTrue(e.getMessage().contains("/***/missing.git"), e.getMessage());
  }

  @Test
  void mirrorsForAJobMaskWhatGitSaysToo() {
    SecretMasker masker = new SecretMasker(List.of(TOKEN));
    GitMirrors mirrors =
        new GitMirrors(temp.resolve("mirrors"), new Git(Duration.ofSeconds(30)))
            .masking(masker::mask);
    String url = "file://" + temp.resolve(TOKEN).resolve("missing.git");
    GitException e = assertThrows(GitException.class, () -> mirrors.refresh(url, GitAuth.NONE));
    assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    assertTrue(e.getMessage().contains("***"), e.getMessage());
  }
}
