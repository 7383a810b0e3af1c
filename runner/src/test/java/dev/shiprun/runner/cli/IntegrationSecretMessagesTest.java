package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret typed where it does not belong on {@code shiprun integration add}'s command line is
 * refused with a message that names the mistake and never repeats the secret: an unknown option
 * such as {@code --password}, a value after a switch, a value given to {@code --password-stdin}, a
 * {@code KEY=VALUE} option without its {@code =}, a secret given as a variable's or a file's name,
 * a secret field given as a plain one.
 */
@QuarkusMainTest
class IntegrationSecretMessagesTest {

  /** Made up for this test. */
  private static final String SECRET = "made-up-hunter22";

  @TempDir Path temp;

  /** A mistake: the arguments after {@code integration add x}, and what the message must say. */
  private record Misuse(List<String> args, String says) {}

  private static Misuse misuse(String says, String... args) {
    return new Misuse(List.of(args), says);
  }

  @Test
  void noMistakeRepeatsTheSecret(QuarkusMainLauncher launcher) throws Exception {
    List<Misuse> misuses =
        List.of(
            misuse("missing required option", "--password", SECRET),
            misuse(
                "unknown option '--password'", "-t", "dockerRegistryLogin", "--password", SECRET),
            misuse(
                "unknown option '--password'", "-t", "dockerRegistryLogin", "--password=" + SECRET),
            misuse(
                "unknown option '--password'",
                "-t",
                "dockerRegistryLogin",
                "--password",
                SECRET,
                "--password",
                SECRET),
            misuse("unknown option '--token'", "-t", "github", "--token", SECRET),
            misuse(
                "unexpected argument after '--password-stdin'",
                "-t",
                "dockerRegistryLogin",
                "--password-stdin",
                SECRET),
            misuse(
                "'--password-stdin' is a switch",
                "-t",
                "dockerRegistryLogin",
                "--password-stdin=" + SECRET),
            misuse(
                "'--password-stdin' is a switch",
                "-t",
                "dockerRegistryLogin",
                "--password-stdin",
                "--password-stdin=" + SECRET),
            misuse(
                "unknown option '--bogus'",
                "-t",
                "dockerRegistryLogin",
                "--password-stdin",
                "--bogus",
                SECRET),
            misuse("'--field' takes FIELD=VALUE", "-t", "dockerRegistryLogin", "--field", SECRET),
            misuse(
                "is secret: give it with --password-stdin",
                "-t",
                "dockerRegistryLogin",
                "--field",
                "password=" + SECRET),
            misuse(
                "'--secret-env' takes FIELD=VARIABLE",
                "-t",
                "dockerRegistryLogin",
                "--secret-env",
                SECRET),
            misuse(
                "the variable named there is not set",
                "-t",
                "dockerRegistryLogin",
                "--username",
                "u",
                "--secret-env",
                "password=" + SECRET),
            misuse(
                "the file named there does not exist",
                "-t",
                "dockerRegistryLogin",
                "--username",
                "u",
                "--password-file",
                SECRET),
            misuse(
                "unexpected argument at position 10",
                "-t",
                "dockerRegistryLogin",
                "--username",
                "u",
                SECRET));
    Path home = temp.resolve("home");
    List<String> wrong = new ArrayList<>();
    for (Misuse m : misuses) {
      List<String> args = new ArrayList<>(List.of("integration", "add", "x", "--home"));
      args.add(home.toString());
      args.addAll(m.args());
      LaunchResult result = launcher.launch(args.toArray(String[]::new));
      String said = result.getOutput() + result.getErrorOutput();

      if (result.exitCode() != 2 || !said.contains(m.says()) || said.contains(SECRET)) {
        wrong.add(m.args() + " exit " + result.exitCode() + ": " + said);
      }
    }
    assertEquals(List.of(), wrong);
    assertFalse(Files.exists(home.resolve("integrations.json")), "nothing stored");
  }

  @Test
  void aSecretFieldTypedAsAnOptionGetsTheWaysToGiveIt(QuarkusMainLauncher launcher) {
    LaunchResult result =
        launcher.launch(
            "integration",
            "add",
            "x",
            "--home",
            temp.resolve("home").toString(),
            "-t",
            "dockerRegistryLogin",
            "--password",
            SECRET);

    assertEquals(2, result.exitCode());
    assertEquals(
        List.of(
            "shiprun integration add: unknown option '--password' (the value after it is not"
                + " repeated here)",
            "hint: a secret is never given on the command line (ps and your shell history show"
                + " it): pipe it to --password-stdin, or use --password-file FILE or --secret-env"
                + " FIELD=VARIABLE",
            "try 'shiprun integration add --help'"),
        result.getErrorOutput().lines().toList());
  }
}
