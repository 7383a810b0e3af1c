package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The CI images of a node: the home's file, then --ci-image, as ciImage.<language> settings. */
class CiImageOptionsTest {

  @TempDir Path home;

  private static CiImageOptions parse(CommandLine line, String... args) {
    line.parseArgs(args);
    return line.getCommand();
  }

  @Test
  void theOptionWinsOverTheHomesFile() throws Exception {
    Files.writeString(
        home.resolve("ci-images.properties"),
        "# images of this node\nnode_js=registry.local/node:18\npython = registry.local/py:3\n");
    CommandLine line = new CommandLine(new CiImageOptions());
    CiImageOptions options = parse(line, "--ci-image", "node_js=registry.local/node:20");
    assertEquals(
        Map.of(
            "ciImage.node_js", "registry.local/node:20", "ciImage.python", "registry.local/py:3"),
        options.settings(line.getCommandSpec(), home));
  }

  @Test
  void aMalformedEntryIsAUsageErrorNamingIt() throws Exception {
    CommandLine line = new CommandLine(new CiImageOptions());
    CiImageOptions options = parse(line, "--ci-image", "node_js=");
    ParameterException e =
        assertThrows(ParameterException.class, () -> options.settings(line.getCommandSpec(), home));
    assertTrue(
        e.getMessage().startsWith("--ci-image: 'node_js=' is not LANGUAGE=IMAGE"), e.getMessage());

    Files.writeString(home.resolve("ci-images.properties"), "go registry.local/go:1\n");
    CiImageOptions none = parse(new CommandLine(new CiImageOptions()));
    ParameterException inFile =
        assertThrows(ParameterException.class, () -> none.settings(line.getCommandSpec(), home));
    assertTrue(
        inFile.getMessage().contains("ci-images.properties:1: 'go registry.local/go:1'"),
        inFile.getMessage());
  }
}
