package dev.shiprun.runner.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --ci-image LANGUAGE=IMAGE}: the image a CI build of a language runs in when its
 * shippable.yml names none, also from {@code <home>/ci-images.properties} (the option wins). They
 * become the node settings {@code ciImage.<language>}.
 */
public class CiImageOptions {

  /** The file in the home with {@code LANGUAGE=IMAGE} lines. */
  static final String FILE = "ci-images.properties";

  /** The prefix of the node settings these become. */
  static final String SETTING = "ciImage.";

  @Option(
      names = "--ci-image",
      paramLabel = "LANGUAGE=IMAGE",
      description =
          "The image (name:tag) CI builds of LANGUAGE run in when their shippable.yml names none"
              + " (repeatable). Also read: LANGUAGE=IMAGE lines of <home>/"
              + FILE
              + "; the option wins.")
  List<String> images = new ArrayList<>();

  /**
   * The node settings {@code ciImage.<language>} of the home's file, then of the options.
   *
   * @throws ParameterException for an entry that is not LANGUAGE=IMAGE, naming it
   */
  Map<String, String> settings(CommandSpec spec, Path home) {
    Map<String, String> out = new LinkedHashMap<>();
    Path file = home.resolve(FILE);
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        put(spec, out, line, file + ":" + (i + 1));
      }
    } catch (NoSuchFileException e) {
      // no file: the options alone
    } catch (IOException e) {
      throw new ParameterException(
          spec.commandLine(),
          "cannot read " + file + ": " + e.getClass().getSimpleName() + "; check its permissions");
    }
    for (String entry : images) {
      put(spec, out, entry, "--ci-image");
    }
    return out;
  }

  private static void put(CommandSpec spec, Map<String, String> out, String entry, String where) {
    int eq = entry.indexOf('=');
    String language = eq < 0 ? "" : entry.substring(0, eq).strip();
    String image = eq < 0 ? "" : entry.substring(eq + 1).strip();
    if (!language.matches("[A-Za-z0-9_.+-]+")
        || image.isEmpty()
        || image.chars().anyMatch(Character::isWhitespace)) {
      throw new ParameterException(
          spec.commandLine(),
          where
              + ": '"
              + entry
              + "' is not LANGUAGE=IMAGE; write it as node_js=registry.example/node:20");
    }
    out.put(SETTING + language, image);
  }
}
