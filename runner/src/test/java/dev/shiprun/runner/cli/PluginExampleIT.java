package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample plugin (samples/plugin-example), built by the reactor and kept off the test's class
 * path, loaded by the packaged CLI from a home's plugins folder: listed, its resource type accepted
 * in a line and its integration type by {@code integration add}, without it both refused; a run of
 * the sample line gives its job the resource type's file and variable.
 */
class PluginExampleIT {

  private static final Path LINE =
      Path.of(System.getProperty("shiprun.checkout", ".."), "samples/plugin-example/line")
          .toAbsolutePath()
          .normalize();

  @TempDir Path home;
  @TempDir Path bare;
  @TempDir Path work;

  private Path jar;

  @BeforeEach
  void installThePlugin() throws Exception {
    Path built = Path.of(System.getProperty("shiprun.plugin-example.jar"));
    assertTrue(Files.isRegularFile(built), "the reactor builds " + built);
    jar = home.resolve("plugins/plugin-example.jar");
    Files.createDirectories(jar.getParent());
    Files.copy(built, jar, StandardCopyOption.REPLACE_EXISTING);
  }

  private PackagedJar.Result shiprun(Path home, Map<String, String> env, String... args)
      throws Exception {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--home";
    all[args.length + 1] = home.toString();
    Map<String, String> environment = new HashMap<>(env);
    environment.put("HOME", home.toString());
    return new PackagedJar(work).start(List.of(), environment, all).await();
  }

  @Test
  void pluginsListsTheJarsTypesNextToTheBuiltInOnes() throws Exception {
    PackagedJar.Result text = shiprun(home, Map.of(), "plugins");
    assertEquals(0, text.code(), text.err());
    assertTrue(
        text.out().matches("(?s)NAME +KIND +VERSION +JAR\n.*"), "a header first: " + text.out());
    assertTrue(text.out().matches("(?s).*\ngithub +integration type +built-in +-\n.*"), text.out());
    assertTrue(
        text.out()
            .matches(
                "(?s).*\ngreeting +resource type +0\\.1\\.0-SNAPSHOT +"
                    + java.util.regex.Pattern.quote(jar.toString())
                    + "\n.*"),
        text.out());
    assertTrue(
        text.out()
            .matches(
                "(?s).*\nexampleToken +integration type +0\\.1\\.0-SNAPSHOT +"
                    + java.util.regex.Pattern.quote(jar.toString())
                    + "\n.*"),
        text.out());

    PackagedJar.Result json = shiprun(home, Map.of(), "plugins", "--output", "json");
    assertEquals(0, json.code(), json.err());
    JsonNode rows = new ObjectMapper().readTree(json.out());
    JsonNode greeting = null;
    for (JsonNode row : rows) {
      if (row.get("name").asText().equals("greeting")) {
        greeting = row;
      }
      if (row.get("version").asText().equals("built-in")) {
        assertTrue(row.get("jar").isNull(), row.toString());
      }
    }
    assertEquals("resource type", greeting.get("kind").asText());
    assertEquals("0.1.0-SNAPSHOT", greeting.get("version").asText());
    assertEquals(jar.toString(), greeting.get("jar").asText());
  }

  @Test
  void aFolderInShiprunPluginsIsReadToo() throws Exception {
    PackagedJar.Result result =
        shiprun(bare, Map.of("SHIPRUN_PLUGINS", jar.getParent().toString()), "plugins");
    assertEquals(0, result.code(), result.err());
    assertTrue(result.out().contains(jar.toString()), result.out());
  }

  @Test
  void validateAcceptsTheLineWithThePluginAndRefusesItWithout() throws Exception {
    PackagedJar.Result with = shiprun(home, Map.of(), "validate", LINE.toString());
    assertEquals(0, with.code(), with.err());
    assertTrue(with.err().contains("valid: 1 job, 2 resources"), with.err());

    PackagedJar.Result without = shiprun(bare, Map.of(), "validate", LINE.toString());
    assertEquals(1, without.code(), without.err());
    assertTrue(
        without.err().contains("error[AL103]: resource 'hello' has unknown type 'greeting'"),
        without.err());
  }

  @Test
  void integrationAddTakesThePluginsIntegrationType() throws Exception {
    Map<String, String> token = Map.of("EXAMPLE_API_TOKEN", "made-up-token-for-PluginExampleIT");
    String[] add = {
      "integration",
      "add",
      "example-api",
      "--type",
      "exampleToken",
      "--url",
      "https://api.example.com",
      "--secret-env",
      "token=EXAMPLE_API_TOKEN"
    };
    PackagedJar.Result with = shiprun(home, token, add);
    assertEquals(0, with.code(), with.err());
    assertTrue(with.out().contains("stored integration 'example-api' (exampleToken)"), with.out());

    PackagedJar.Result without = shiprun(bare, token, add);
    assertEquals(ExitCode.USAGE.code(), without.code(), without.err());
    assertTrue(without.err().contains("exampleToken"), without.err());
  }

  @Test
  void runGivesTheJobTheResourceTypesFileAndVariable() throws Exception {
    PackagedJar.Result run =
        shiprun(
            home,
            Map.of("EXAMPLE_API_TOKEN", "made-up-token-for-PluginExampleIT"),
            "run",
            LINE.toString(),
            "--integrations",
            LINE.resolve("integrations.yml").toString(),
            "-v");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.err().contains("[greet] hello from a plugin\n"), run.err());
    assertTrue(run.err().contains("[greet] greeting = hello from a plugin\n"), run.err());
    assertTrue(run.err().contains("[greet] api at https://api.example.com\n"), run.err());
  }
}
