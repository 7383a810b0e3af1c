package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shiprun encrypt} and its blobs end to end, through the packaged jar as real processes
 * (stdin is the process's own) and real bash: the blob in a params resource gives the job its
 * variable, masked in the console and the stored log and nowhere in the home in clear, also after
 * {@code rotate-key}; a Shippable blob and another home's blob are AL206, errors with {@code
 * --strict-secrets}; an argument to encrypt is refused with the reason.
 */
class EncryptIT {

  private static final String TOKEN = "made-up-deploy-token-2718";
  private static final String SHIPPABLE_BLOB =
      "Lx7X2Y0mZ8vC3qQ5a1B6bVt4oW9eR2uI0pK7sD3fG5hJ8kL1zX4cV6bN9mQ2wE5rT8yU1iO3pA6sD9fG2hJ5kL8z=";

  @TempDir Path temp;

  private record Result(int code, String out, String err) {}

  private Result shiprun(String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(System.getProperty("shiprun.jar", "target/shiprun.jar"));
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectOutput(temp.resolve("out.txt").toFile())
            .redirectError(temp.resolve("err.txt").toFile());
    pb.environment().remove("SHIPRUN_MASTER_KEY");
    pb.environment().remove("SHIPRUN_HOME");
    Process p = pb.start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "shiprun did not end");
    return new Result(
        p.exitValue(),
        Files.readString(temp.resolve("out.txt")),
        Files.readString(temp.resolve("err.txt")));
  }

  private static String everything(Path folder) throws Exception {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
    }
    return all.toString();
  }

  private static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void anArgumentIsRefusedWithTheReasonAndNotRepeated() throws Exception {
    Result r = shiprun("", "encrypt", "DEPLOY_TOKEN=" + TOKEN);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("takes no argument"), r.err());
    assertTrue(r.err().contains("shows in ps and your shell's history"), r.err());
    assertFalse(r.err().contains(TOKEN), r.err());
    assertEquals("", r.out());
  }

  @Test
  void aBlobGivesTheJobItsVariableMaskedEverywhereAndSurvivesRotateKey() throws Exception {
    Path home = temp.resolve("home");
    Result enc =
        shiprun(
            "DEPLOY_TOKEN=" + TOKEN + "\nREGION=eu-west-9\n", "encrypt", "--home", home.toString());
    assertEquals(0, enc.code(), enc.err());
    String blob = enc.out().strip();
    assertTrue(blob.startsWith("shiprun:v1:"), blob);
    assertFalse(blob.contains(TOKEN));
    assertTrue(enc.err().contains("DEPLOY_TOKEN, REGION"), enc.err());

    Path line = Files.createDirectories(temp.resolve("line"));
    Files.writeString(
        line.resolve("shippable.yml"),
        """
        resources:
          - name: deploy-params
            type: params
            versionTemplate:
              params:
                PLAIN: visible
                secure: %s
          - name: old-params
            type: params
            versionTemplate:
              params:
                OTHER: kept
                secure: %s
        jobs:
          - name: deploy
            type: runSh
            steps:
              - IN: deploy-params
              - IN: old-params
              - TASK:
                  script:
                    - echo "token is $DEPLOY_TOKEN, again $DEPLOYPARAMS_PARAMS_DEPLOY_TOKEN"
                    - test "$DEPLOY_TOKEN" = "%s" || exit 7
                    - test "${#DEPLOYPARAMS_PARAMS_REGION}" = 9 || exit 8
                    - test "$OTHER" = kept || exit 9
        """
            .formatted(blob, SHIPPABLE_BLOB, TOKEN));

    Result valid = shiprun("", "validate", line.toString(), "--home", home.toString());
    assertEquals(0, valid.code(), valid.err());
    assertEquals(1, count(valid.err(), "warning[AL206]"), valid.err());
    assertTrue(valid.err().contains("params resource 'old-params' cannot be read"), valid.err());
    assertTrue(valid.err().contains("shiprun integration import"), valid.err());

    Result strict =
        shiprun("", "validate", line.toString(), "--home", home.toString(), "--strict-secrets");
    assertEquals(1, strict.code(), strict.err());
    assertTrue(strict.err().contains("error[AL206]"), strict.err());

    Result refused =
        shiprun("", "run", line.toString(), "--home", home.toString(), "--strict-secrets");
    assertEquals(1, refused.code(), refused.err());
    assertTrue(refused.err().contains("error[AL206]"), refused.err());
    assertFalse(refused.out().contains("deploy  #"), "no job ran: " + refused.out());

    Result plan = shiprun("", "plan", line.toString(), "--home", home.toString());
    assertEquals(0, plan.code(), plan.err());
    assertTrue(plan.out().contains("DEPLOY_TOKEN=***"), plan.out());
    assertFalse(plan.out().contains(TOKEN), plan.out());

    Result run = shiprun("", "run", line.toString(), "--home", home.toString(), "-v");
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.err().contains("token is ***, again ***"), run.err());
    assertFalse((run.out() + run.err()).contains(TOKEN));
    String log = Files.readString(home.resolve("logs/1.log"));
    assertTrue(log.contains("token is ***, again ***"), log);
    assertEquals(
        1,
        count(log, "the encrypted value of params resource 'old-params' cannot be read"),
        "said once in the job's log: " + log);
    assertFalse(everything(home).contains(TOKEN), "the token is nowhere in the home in clear");

    Result rotate = shiprun("", "integration", "rotate-key", "--home", home.toString());
    assertEquals(0, rotate.code(), rotate.err());
    Result again = shiprun("", "run", line.toString(), "--home", home.toString());
    assertEquals(0, again.code(), "the blob opens after rotate-key: " + again.out() + again.err());

    Path other = temp.resolve("other-home");
    assertEquals(0, shiprun("A=1\n", "encrypt", "--home", other.toString()).code());
    Result elsewhere = shiprun("", "validate", line.toString(), "--home", other.toString());
    assertEquals(0, elsewhere.code(), elsewhere.err());
    assertTrue(
        elsewhere.err().contains("it was encrypted by another shiprun home"), elsewhere.err());
    assertEquals(2, count(elsewhere.err(), "warning[AL206]"), elsewhere.err());
  }
}
