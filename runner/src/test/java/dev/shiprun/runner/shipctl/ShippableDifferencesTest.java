package dev.shiprun.runner.shipctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * shiprun's shipctl next to Shippable's own (S17), case by case on one job layout: what each
 * printed, its exit code and the files it changed. The Shippable side is recorded from running
 * Shippable's script (Shippable/node, shipctl/x86_64/Ubuntu_16.04: shipctl, utility.sh, the
 * shippable_* executables) on this layout. A case where the two differ names its row of the
 * differences table in docs/shipctl.md; a case where they agree names none.
 *
 * <p>With {@code -Dshiprun.shippableShipctl=DIR}, DIR holding those files, {@link
 * #shippableStillPrintsWhatIsRecorded} runs Shippable's script again and checks the record; without
 * it that test is reported as disabled (once), never passed.
 */
class ShippableDifferencesTest {

  private static final String ORIGINAL = "shiprun.shippableShipctl";
  private static final String VERSION_JSON =
      "{\"version\":{\"versionName\":\"v1\",\"propertyBag\":{\"shaData\":{\"commitSha\":\"abc\"},"
          + "\"my-key\":\"dash\"}},\"propertyBag\":{\"yml\":{\"pointer\":{\"a\":\"b\"}}}}";

  @TempDir Path dir;

  static Stream<Case> cases() {
    return Stream.of(
        // Agreements.
        agree("shipctl get_resource_path cfg", exit(0).out("ROOT/IN/cfg/params\n")),
        agree("shipctl get_resource_type nope", exit(0).out("\n")),
        agree("shipctl get_params_resource cfg user", exit(0).out("alice\n")),
        agree("shipctl get_resource_version_key cfg shaData.commitSha", exit(0).out("abc\n")),
        agree("shipctl get_resource_version_key cfg versionName", exit(0).out("v1\n")),
        agree("shipctl get_resource_pointer_key cfg a", exit(0).out("b\n")),
        agree(
            "shipctl get_json_value IN/cfg/version.json version.versionName", exit(0).out("v1\n")),
        agree(
            "shipctl post_resource_state res key value",
            exit(0).files("state/res.env: key=value\\n")),
        agree(
            "shipctl post_resource_state res key value && shipctl put_resource_state res k2 v2",
            exit(0).files("state/res.env: key=value\\nk2=v2\\n")),
        agree(
            "shipctl copy_file_to_state nofile",
            exit(1).err("cp: cannot stat 'nofile': No such file or directory\n")),
        agree(
            "shipctl refresh_file_to_state run.sh | grep -c ' -> '",
            exit(0).out("1\n").files("state/run.sh (executable): #!/bin/sh\\necho $GREETING\\n")),
        agree("shipctl bump_version 1.2.3 patch", exit(0).out("1.2.4\n")),
        agree("shipctl bump_version v1.9.9 major", exit(0).out("v2.0.0\n")),
        agree(
            "shipctl nothing_like_it",
            exit(99).out("The command nothing_like_it is not supported\n")),

        // Calling shipctl.
        differ(
            "Arguments",
            "shipctl post_resource_state res key 'a  b'",
            exit(0).files("state/res.env: key=a\\n"),
            exit(0).files("state/res.env: key=a  b\\n")),
        differ("No command", "shipctl", exit(1), exit(99).outStartingWith("Usage: shipctl ")),
        differ(
            "`--help`, `-h`, `help`",
            "shipctl --help",
            exit(99).out("The command --help is not supported\n"),
            exit(0).outStartingWith("Usage: shipctl COMMAND [ARGUMENTS...]\n")),
        differ(
            "Callable names",
            "shipctl _get_curl",
            exit(2).err(null),
            exit(99).out("The command _get_curl is not supported\n")),
        differ(
            "`jdk`, `service`",
            "shipctl jdk",
            exit(99).out("The command shippable_jdk is not supported on this image.\n"),
            exit(99).out("The command jdk is not supported on this image.\n")),
        differ(
            "`mask`",
            "shipctl mask s3cr3t-value",
            exit(99).out("The command mask is not supported\n"),
            exit(0)
                .out("::shiprun-mask::czNjcjN0LXZhbHVl\n")
                .err("::shiprun-mask::czNjcjN0LXZhbHVl\n")),
        differ(
            "Usage lines",
            "shipctl get_resource_pointer_key cfg",
            exit(99).out("Usage: shipctl get_resource_pointer RESOURCE_NAME POINTER_KEY\n"),
            exit(99).out("Usage: shipctl get_resource_pointer_key RESOURCE_NAME POINTER_KEY\n")),
        differ(
            "Diagnostics",
            "shipctl get_json_value nofile x",
            exit(0).out("nofile: No such file present in this directory\n"),
            exit(0).err("nofile: No such file present in this directory\n")),

        // Names and values.
        differ("`echo` eating options", "shipctl to_uppercase -n", exit(0), exit(0).out("-N\n")),
        differ(
            "`echo` eating options",
            "shipctl sanitize_shippable_string -e",
            exit(0).out("\n"),
            exit(0).out("e\n")),
        differ(
            "`echo` eating options",
            "shipctl get_resource_name -n",
            exit(99).out("Usage: shipctl sanitize_shippable_string \n"),
            exit(0).out("N\n")),
        differ(
            "`echo` eating options",
            "shipctl get_resource_version_name cfg",
            exit(0),
            exit(0).out("-n\n")),
        differ(
            "`<NAME>` of a name starting with digits",
            "shipctl get_resource_name 1-app",
            exit(0).out("1APP\n"),
            exit(0).out("APP\n")),
        differ(
            "`to_uppercase` of letters outside ASCII",
            "LANG=C.UTF-8 shipctl to_uppercase $'\\xc3\\xa9t\\xc3\\xa9'",
            exit(0).out("\u00e9T\u00e9\n"),
            exit(0).out("\u00c9T\u00c9\n")),
        differ(
            "Values",
            "shipctl get_params_resource cfg x",
            exit(0).out("a b\n"),
            exit(0).out("a  b\n")),
        differ(
            "An unset `<NAME>_META`",
            "shipctl get_resource_version_key nope x",
            exit(99).out("version.json not present for resource: nope\n"),
            exit(99).err("Error: IN directory not present for resource: nope\n")),
        differ(
            "JSON keys",
            "shipctl get_resource_version_key cfg my-key",
            exit(3).err(null),
            exit(0).out("dash\n")),
        differ(
            "JSON keys",
            "shipctl get_json_value IN/cfg/version.json .version.versionName",
            exit(3).err(null),
            exit(0).out("v1\n")),
        differ(
            "`get_resource_pointer_key`",
            "shipctl get_resource_pointer_key tpl tag",
            exit(0).out("null\n"),
            exit(0).out("t1\n")),
        differ(
            "`get_integration_resource_keys`, `get_integration_keys`",
            "shipctl get_integration_resource_keys hook",
            exit(0).out("id\nmasterName\nwebhookUrl\nkey\nabc\n-----END\"\n"),
            exit(0).out("webhookUrl\nkey\n")),

        // State.
        differ(
            "`*_state_multi`",
            "shipctl put_resource_state_multi res 'a=1 -n -e b=*'",
            exit(0).files("state/res.env: a=1\\n\\nb=*\\n"),
            exit(0).files("state/res.env: a=1\\n-n\\n-e\\nb=*\\n")),
        differ(
            "Copy helpers' messages",
            "shipctl copy_file_from_prev_state prev.txt restored.txt",
            exit(0)
                .out(
                    "---------------- Restoring file from state -------------------\n"
                        + "------  File exists, copying -----\n"
                        + "'ROOT/previousState/prev.txt' -> 'restored.txt'\n")
                .files("restored.txt: from the previous run\\n"),
            exit(0)
                .out("'ROOT/previousState/prev.txt' -> 'restored.txt'\n")
                .files("restored.txt: from the previous run\\n")),
        differ(
            "Copy helpers' messages",
            "shipctl copy_resource_file_from_state cfg nope got.txt",
            exit(0)
                .out(
                    "---------------- Restoring file from state -------------------\n"
                        + "------  File does not exist in cfg state, skipping -----\n"),
            exit(0).out("file nope does not exist in the state of cfg, skipping\n")),
        differ(
            "A file named like an option",
            "shipctl copy_file_to_state --help",
            exit(0).outStartingWith("Usage: cp "),
            exit(0).out("'--help' -> 'ROOT/state/--help'\n").files("state/--help: dash help\\n")),
        differ(
            "`refresh_file_to_out_path`",
            "shipctl refresh_file_to_out_path run.sh other",
            exit(1)
                .out(
                    "---------------- Copying file to state -------------------\n"
                        + "---------------  New file exists, copying  ----------------\n"
                        + "'run.sh' -> 'ROOT/OUT/other/state'\n")
                .err(
                    "cp: cannot create regular file 'ROOT/OUT/other/state': No such file or directory\n"),
            exit(0)
                .out("'run.sh' -> 'ROOT/OUT/other/state/run.sh'\n")
                .files("OUT/other/state/run.sh (executable): #!/bin/sh\\necho $GREETING\\n")),

        // replicate.
        agree(
            "shipctl replicate src dst --metadata-only",
            exit(0)
                .files(
                    "OUT/dst/version.json: {\\n  \"version\": {\\n    \"versionName\": \"0\",\\n"
                        + "    \"propertyBag\": {\\n      \"a\": 1\\n    }\\n  }\\n}\\n")),
        differ(
            "`replicate`",
            "shipctl replicate src dst --files-only",
            exit(0).files("OUT/dst/params/f1: f1\\n", "OUT/dst/params/old deleted"),
            exit(0)
                .files(
                    "OUT/dst/params/.hidden: dot\\n",
                    "OUT/dst/params/f1: f1\\n",
                    "OUT/dst/params/old deleted")),
        differ(
            "`replicate` arguments and folders",
            "shipctl replicate --files-only src dst",
            exit(99).out("Error: resources must be the same type.\n"),
            exit(0)
                .files(
                    "OUT/dst/params/.hidden: dot\\n",
                    "OUT/dst/params/f1: f1\\n",
                    "OUT/dst/params/old deleted")),

        // get_git_changes, bump_version and the utilities.
        differ(
            "`get_git_changes` output",
            "shipctl get_git_changes --path=repo --commit-range=HEAD~1..HEAD",
            exit(0).out("a.txt\n\"d \\303\\251.txt\"\n"),
            exit(0).out("a.txt\nd \u00e9.txt\n")),
        differ(
            "`get_git_changes` output",
            "shipctl get_git_changes --path=repo --commit-range=HEAD..HEAD",
            exit(0).out("\n"),
            exit(0)),
        differ(
            "`get_git_changes` arguments",
            "shipctl get_git_changes --path=repo --commit-range=HEAD~1..HEAD --depth=x --bogus",
            exit(0).out("a.txt\n\"d \\303\\251.txt\"\n"),
            exit(99)
                .out(
                    "Usage: shipctl get_git_changes --path=DIR|--resource=GITREPO [--depth=N]"
                        + " [--directories-only] [--commit-range=RANGE]\n")),
        differ(
            "`bump_version`",
            "shipctl bump_version 1.2.3 rc",
            exit(1).err("error: Invalid action given in the argument.\n"),
            exit(0).out("1.2.4-rc\n")),
        differ(
            "`bump_version`",
            "shipctl bump_version 1.2.3.4 patch",
            exit(0).out("1.2.4\n"),
            exit(99).err("error: Invalid semantics given in the argument.\n")),
        differ(
            "`bump_version`",
            "shipctl bump_version 1.2 patch",
            exit(1).err("error: Invalid semantics given in the argument.\n"),
            exit(99).err("error: Invalid semantics given in the argument.\n")),
        differ(
            "`bump_version`",
            "shipctl bump_version 1.2.08 patch",
            exit(1).err(null),
            exit(0).out("1.2.9\n")),
        differ(
            "`replace` mode",
            "shipctl replace run.sh",
            exit(0).files("run.sh: #!/bin/sh\\necho hello\\n"),
            exit(0).files("run.sh (executable): #!/bin/sh\\necho hello\\n")),
        differ(
            "`replace` in place",
            "shipctl replace link.conf",
            exit(0).files("link.conf: greeting=hello\\n"),
            exit(0).files("app.conf: greeting=hello\\n")),
        differ(
            "`replace` errors and temp files",
            "shipctl replace IN",
            exit(82).out("shippable_replace is not supported for directories\n"),
            exit(82).err("shipctl replace is not supported for directories: IN\n")),
        differ(
            "`decrypt`",
            "shipctl decrypt secret.enc no.key",
            exit(100)
                .out(
                    "shippable_decrypt: Decrypting secret.enc using key no.key\n"
                        + "shippable_decrypt: ERROR - Key file no.key not found\n"),
            exit(100)
                .out("Decrypting secret.enc using key no.key\n")
                .err("Error: Key file no.key not found\n")),
        differ(
            "`retry`",
            "shipctl retry false",
            exit(1)
                .out(
                    "retrying 1 of 3 times...\nfalse\nretrying 2 of 3 times...\nfalse\n"
                        + "retrying 3 of 3 times...\nfalse\n"),
            exit(1).err("retrying 1 of 3 times...\nretrying 2 of 3 times...\n")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shiprunPrintsWhatIsRecordedAndEveryDifferenceIsDocumented(Case c) {
    JobFolder job = layout(JobFolder.runSh(dir, "deploy"), c);

    c.shiprun().assertMatches(run(job, c.line()));

    if (c.shippable().equals(c.shiprun())) {
      assertNull(c.difference(), "the scripts agree here: no difference to name");
    } else {
      assertNotNull(c.difference(), "the scripts differ here: name the row of docs/shipctl.md");
      assertTrue(
          documentedDifferences().contains(c.difference()),
          () -> "docs/shipctl.md has no difference row \"" + c.difference() + "\"");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @EnabledIfSystemProperty(named = ORIGINAL, matches = ".+")
  void shippableStillPrintsWhatIsRecorded(Case c) {
    String original = System.getProperty(ORIGINAL);
    Shipctl shippable = Shipctl.installFrom(dir.resolve("shippable"), Path.of(original));
    JobFolder job = layout(JobFolder.runSh(dir, "deploy", shippable), c);

    c.shippable().assertMatches(run(job, c.line()));
  }

  /** The job every case runs in: the same for both scripts; a git repository when it needs one. */
  private static JobFolder layout(JobFolder job, Case c) {
    if (c.line().contains("get_git_changes")) {
      gitRepository(job.path("repo"));
    }
    job.set("GREETING", "hello");
    job.in("cfg", "params")
        .version(VERSION_JSON)
        .file("in.txt", "from cfg\n")
        .var("PARAMS_USER", "alice")
        .var("PARAMS_X", "a  b")
        .var("VERSIONNAME", "-n");
    job.in("src", "params")
        .version("{\"version\":{\"versionName\":\"1\",\"propertyBag\":{\"a\":1}}}")
        .file("f1", "f1\n")
        .file(".hidden", "dot\n");
    job.out("dst", "params")
        .version("{\"version\":{\"versionName\":\"0\",\"propertyBag\":{\"keep\":true}}}")
        .file("old", "old\n");
    job.in("tpl", "image")
        .version(
            "{\"version\":{\"propertyBag\":{}},"
                + "\"propertyBag\":{\"yml\":{\"versionTemplate\":{\"tag\":\"t1\"}}}}");
    JobFolder.Dependency hook = job.in("hook", "notification");
    JobFolder.write(
        hook.meta().resolve("integration.env"),
        "id=\"5\"\nmasterName=\"slackKey\"\nwebhookUrl=\"http://hooks.test/x\"\n"
            + "key=\"-----BEGIN\nabc\n-----END\"\n");
    JobFolder.write(job.previousState().resolve("prev.txt"), "from the previous run\n");
    JobFolder.write(job.path("--help"), "dash help\n");
    JobFolder.write(job.path("app.conf"), "greeting=$GREETING\n");
    Path script = JobFolder.write(job.path("run.sh"), "#!/bin/sh\necho $GREETING\n");
    try {
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.createSymbolicLink(job.path("link.conf"), Path.of("app.conf"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return job;
  }

  /** Two commits: a.txt, then a.txt changed and a file with a name outside ASCII. */
  private static void gitRepository(Path repo) {
    JobFolder.write(repo.resolve("a.txt"), "1\n");
    Tools.run(repo, "git", "init", "-q");
    Tools.run(repo, "git", "add", ".");
    Tools.run(repo, "git", "commit", "-q", "-m", "one");
    JobFolder.write(repo.resolve("a.txt"), "2\n");
    Tools.run(
        repo, "bash", "-c", "echo x > $'d \\xc3\\xa9.txt' && git add . && git commit -q -m two");
  }

  /** Runs a script line in the job folder; the outcome with the folders written ROOT and BIN. */
  private static Outcome run(JobFolder job, String line) {
    Map<String, String> before = snapshot(job.root());
    Shipctl.Result result = job.bash(line);
    Map<String, String> after = snapshot(job.root());
    List<String> changed = new ArrayList<>();
    after.forEach(
        (path, text) -> {
          if (!text.equals(before.get(path))) {
            changed.add(path + text);
          }
        });
    before.keySet().stream()
        .filter(path -> !after.containsKey(path))
        .forEach(path -> changed.add(path + " deleted"));
    String root = job.root().toString();
    String bin = job.installed().bin().toString();
    return new Outcome(
        result.exitCode(),
        result.stdout().replace(root, "ROOT").replace(bin, "BIN"),
        result.stderr().replace(root, "ROOT").replace(bin, "BIN"),
        String.join("\n", changed),
        false);
  }

  /**
   * Every file and link under ROOT but git's own: its path, then " -> target" or ": content",
   * escaped.
   */
  private static Map<String, String> snapshot(Path root) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.toList()) {
        String name = root.relativize(path).toString();
        if (name.contains(".git/")) {
          continue;
        }
        if (Files.isSymbolicLink(path)) {
          files.put(name, " -> " + Files.readSymbolicLink(path));
        } else if (Files.isRegularFile(path)) {
          String mode = Files.isExecutable(path) ? " (executable)" : "";
          files.put(name, mode + ": " + Files.readString(path).replace("\n", "\\n"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** The "Point" column of docs/shipctl.md's differences tables. */
  private static List<String> documentedDifferences() {
    Path docs = Path.of("../docs/shipctl.md");
    if (!Files.exists(docs)) {
      docs = Path.of("docs/shipctl.md");
    }
    try {
      String text = Files.readString(docs);
      String section = text.substring(text.indexOf("## Where shiprun differs"));
      return section
          .lines()
          .filter(line -> line.startsWith("| ") && !line.startsWith("| Point "))
          .map(line -> line.substring(2, line.indexOf(" |", 2)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Case agree(String line, Outcome both) {
    return new Case(line, null, both, both);
  }

  private static Case differ(String difference, String line, Outcome shippable, Outcome shiprun) {
    return new Case(line, difference, shippable, shiprun);
  }

  private static Outcome exit(int code) {
    return new Outcome(code, "", "", "", false);
  }

  /** One case: a line of a job script and what each script did with it. */
  record Case(String line, String difference, Outcome shippable, Outcome shiprun) {
    @Override
    public String toString() {
      return (difference == null ? "same: " : difference + ": ") + line;
    }
  }

  /**
   * What a run gave: exit code, stdout (only its start when {@code stdoutIsPrefix}), stderr (null:
   * not recorded, the text of another tool such as jq), the files it changed.
   */
  record Outcome(int exit, String stdout, String stderr, String files, boolean stdoutIsPrefix) {

    Outcome out(String text) {
      return new Outcome(exit, text, stderr, files, false);
    }

    Outcome outStartingWith(String text) {
      return new Outcome(exit, text, stderr, files, true);
    }

    Outcome err(String text) {
      return new Outcome(exit, stdout, text, files, stdoutIsPrefix);
    }

    Outcome files(String... changed) {
      return new Outcome(exit, stdout, stderr, String.join("\n", changed), stdoutIsPrefix);
    }

    void assertMatches(Outcome actual) {
      String all = actual.toString();
      assertEquals(exit, actual.exit, all);
      if (stdoutIsPrefix) {
        assertTrue(actual.stdout.startsWith(stdout), all);
      } else {
        assertEquals(stdout, actual.stdout, all);
      }
      if (stderr != null) {
        assertEquals(stderr, actual.stderr, all);
      }
      assertEquals(files, actual.files, all);
    }

    @Override
    public String toString() {
      return "exit "
          + exit
          + "\n--- stdout\n"
          + stdout
          + "--- stderr\n"
          + stderr
          + "--- files changed\n"
          + files;
    }
  }
}
