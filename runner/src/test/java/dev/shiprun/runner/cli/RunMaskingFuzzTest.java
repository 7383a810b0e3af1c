package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.masker.SecretMasker;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random secrets of an integration, printed by a real job every way a script prints a value: as is,
 * {@code printf %q}, {@code ${v@Q}}, {@code declare -p}, {@code set -x}, base64, URL and form
 * encoding (curl's, of a request to a closed loopback port), JSON. The same script run by plain
 * bash, outside shiprun, says what each way prints; none of that may reach the stored log or the
 * console. The seed and the number of secrets come from {@code shiprun.fuzz.seed} and {@code
 * shiprun.fuzz.secrets}; {@code bench/soak.sh} runs it with thousands.
 */
@QuarkusMainTest
class RunMaskingFuzzTest {

  private static final int SECRETS = Integer.getInteger("shiprun.fuzz.secrets", 200);
  private static final long SEED = Long.getLong("shiprun.fuzz.seed", 20261206L);

  /** Letters and digits, then every printable ASCII char that shell quoting or encoding changes. */
  private static final String PLAIN = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private static final String SPECIAL = " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  private static final String OTHER = "éß€中😀\t";

  /**
   * Prints every value of the variables named FUZZ_* in each way, one per line behind a tag that
   * says which way, so a leak names it. jq runs once for all values (it is slow to start).
   */
  private static final String PRINT_ALL =
      """
      export LC_ALL=C.UTF-8
      for name in $(compgen -v FUZZ_); do
        s=${!name}
        printf 'raw %s\\n' "$s"
        printf 'printf-q %q\\n' "$s"
        printf 'at-q %s\\n' "${s@Q}"
        printf 'declare %s\\n' "$(declare -p s)"
        printf 'xtrace %s\\n' "$( { set -x; : "$s"; } 2>&1 )"
        printf 'base64 %s\\n' "$(printf %s "$s" | base64 -w 0)"
        printf 'curl-form %s\\n' "$(curl -s -o /dev/null -w '%{url_effective}' -G \\
          --data-urlencode "p=$s" http://127.0.0.1:9/ | sed 's/.*?p=//')"
      done
      jq -rn '$ENV | to_entries | sort_by(.key)[] | select(.key | startswith("FUZZ_")) | .value
        | "uri \\(@uri)", "json \\(tojson)"'
      """;

  /** The ways PRINT_ALL prints a value, each the tag of its lines. */
  private static final Set<String> TAGS =
      Set.of("raw", "printf-q", "at-q", "declare", "xtrace", "base64", "curl-form", "uri", "json");

  /** What a way prints around the value itself; stays in the log when the value is masked. */
  private static final Map<String, Pattern> WRAPPERS =
      Map.of(
          "declare", Pattern.compile("^declare -- s="),
          // as many + as the shell is deep, which differs inside shiprun's wrapper
          "xtrace", Pattern.compile("^\\++ : "),
          "json", Pattern.compile("^\""));

  /** A piece of a printed value this long found in the log is a leak. */
  private static final int WINDOW = 8;

  @TempDir Path temp;

  @Test
  void noWayOfPrintingARandomSecretGetsPastTheMasker(QuarkusMainLauncher launcher)
      throws Exception {
    List<String> secrets = secrets(new Random(SEED));
    Path line = Files.createDirectories(temp.resolve("line"));
    Files.writeString(line.resolve("integrations.yml"), integrations(secrets));
    Files.writeString(
        line.resolve("shippable.yml"),
        """
        resources:
          - name: fuzz-keys
            type: integration
            integration: fuzz-keys
        jobs:
          - name: print
            type: runSh
            steps:
              - IN: fuzz-keys
              - TASK:
                  script:
                    - |
        %s
        """
            .formatted(PRINT_ALL.indent(14).stripTrailing()));

    List<String> plain = printedByBash(secrets);
    RunHarness shiprun = new RunHarness(launcher, temp.resolve("home"));
    RunHarness.Summary run =
        shiprun.run(line.toString(), "-i", line.resolve("integrations.yml").toString());
    assertEquals(0, run.exitCode(), run.describe());
    String log = shiprun.log(run.runId("print"));
    List<String> masked = tagged(log.lines().toList());
    assertEquals(plain.size(), masked.size(), "the job printed other lines than plain bash");
    String console = run.result().getOutput() + run.result().getErrorOutput();
    List<String> leaks = new ArrayList<>();
    for (int i = 0; i < plain.size(); i++) {
      String value = value(plain.get(i));
      String shown = masked.get(i);
      boolean leaked = console.contains(value);
      for (int at = 0; !leaked && at + WINDOW <= value.length(); at++) {
        leaked = shown.contains(value.substring(at, at + WINDOW));
      }
      if (leaked) {
        leaks.add(plain.get(i) + "  →  " + shown);
      }
    }
    assertTrue(
        leaks.isEmpty(),
        leaks.size() + " printed values got past the masker:\n" + String.join("\n", leaks));
    assertFalse(log.contains("got past the masker"), "the fail-closed check had to step in");
  }

  /** The lines the print script writes, in their order: the loop's, then jq's. */
  private static List<String> tagged(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      int space = line.indexOf(' ');
      if (space > 0 && TAGS.contains(line.substring(0, space))) {
        out.add(line);
      }
    }
    return out;
  }

  /** The printed value of a tagged line, without its tag and what the way wraps around it. */
  private static String value(String line) {
    int space = line.indexOf(' ');
    String tag = line.substring(0, space);
    String value = line.substring(space + 1);
    Pattern wrapper = WRAPPERS.get(tag);
    if (wrapper != null) {
      value = wrapper.matcher(value).replaceFirst("");
    }
    return tag.equals("json") ? value.substring(0, value.length() - 1) : value;
  }

  /** What plain bash prints, outside shiprun: the tagged lines in order. */
  private List<String> printedByBash(List<String> secrets) throws Exception {
    Path script = temp.resolve("print-all.sh");
    Files.writeString(script, PRINT_ALL);
    ProcessBuilder bash =
        new ProcessBuilder("bash", script.toString())
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("plain.out").toFile());
    bash.environment().keySet().removeIf(k -> k.startsWith("FUZZ_"));
    for (int i = 0; i < secrets.size(); i++) {
      bash.environment().put(variable(i), secrets.get(i));
    }
    Process process = bash.start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "plain bash did not end");
    assertEquals(0, process.exitValue());
    List<String> lines =
        tagged(Files.readAllLines(temp.resolve("plain.out"), StandardCharsets.UTF_8));
    assertEquals(secrets.size() * TAGS.size(), lines.size(), "plain bash printed other lines");
    return lines;
  }

  private static List<String> secrets(Random random) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < SECRETS; i++) {
      int length = SecretMasker.MIN_LENGTH + 4 + random.nextInt(32);
      StringBuilder s = new StringBuilder();
      while (s.length() < length) {
        int pick = random.nextInt(10);
        String from = pick < 5 ? PLAIN : pick < 9 ? SPECIAL : OTHER;
        s.appendCodePoint(
            from.codePointAt(
                from.offsetByCodePoints(0, random.nextInt(from.codePointCount(0, from.length())))));
      }
      out.add(s.toString());
    }
    return out;
  }

  private static String variable(int i) {
    return "FUZZ_%05d".formatted(i);
  }

  /**
   * A keyValuePair integration holding every secret, each value a YAML double-quoted string with
   * {@code $$} for a {@code $} (integration files read {@code ${NAME}}).
   */
  private static String integrations(List<String> secrets) {
    StringBuilder out =
        new StringBuilder(
            "integrations:\n  - name: fuzz-keys\n    type: keyValuePair\n    envs:\n");
    for (int i = 0; i < secrets.size(); i++) {
      out.append("      ").append(variable(i)).append(": \"");
      secrets
          .get(i)
          .codePoints()
          .forEach(
              c -> {
                switch (c) {
                  case '"' -> out.append("\\\"");
                  case '\\' -> out.append("\\\\");
                  case '\t' -> out.append("\\t");
                  case '$' -> out.append("$$");
                  default -> out.appendCodePoint(c);
                }
              });
      out.append("\"\n");
    }
    return out.toString();
  }
}
