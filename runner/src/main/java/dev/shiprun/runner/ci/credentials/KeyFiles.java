package dev.shiprun.runner.ci.credentials;

import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code integrations.key}: each SSH or PEM key written (0600) into a private folder of the build
 * folder, which the containers mount, and the bash lines that copy them to {@code /tmp/ssh/} in the
 * container and start an ssh-agent offering them in alphabetical order of their names.
 */
final class KeyFiles {

  /** Where keys are in the container, as Shippable put them. */
  static final String IN_CONTAINER = "/tmp/ssh";

  private final Path folder;

  /**
   * @param folder the private folder of the build folder the keys are written to
   */
  KeyFiles(Path folder) {
    this.folder = folder;
  }

  /** A key to install: its file name in {@code /tmp/ssh} and its integration. */
  record Key(String file, Integration integration) {}

  /**
   * The file name of an integration's key: its name with anything but letters, digits, . _ - as _.
   */
  static String fileName(String integrationName) {
    String safe = integrationName.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.startsWith(".") ? "_" + safe.substring(1) : safe;
  }

  /**
   * Writes the keys and returns the container lines; an SSH key's public half goes beside it as
   * {@code <file>.pub}.
   */
  List<String> install(List<Key> keys) throws IOException {
    Files.createDirectories(
        folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    List<Key> sorted = new ArrayList<>(keys);
    sorted.sort(Comparator.comparing(Key::file));
    Map<String, Path> files = new TreeMap<>();
    for (Key key : sorted) {
      Integration integration = key.integration();
      if (integration.type().masterName().equals("sshKey")) {
        files.put(key.file(), write(key.file(), field(integration, "privateKey")));
        String publicKey = field(integration, "publicKey");
        if (!publicKey.isBlank()) {
          files.put(key.file() + ".pub", write(key.file() + ".pub", publicKey));
        }
      } else {
        files.put(key.file(), write(key.file(), field(integration, "key")));
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add("mkdir -p " + IN_CONTAINER + " && chmod 700 " + IN_CONTAINER);
    files.forEach(
        (name, file) ->
            lines.add(
                "cp -- "
                    + quoted(file.toString())
                    + " "
                    + IN_CONTAINER
                    + "/"
                    + name
                    + " && chmod 600 "
                    + IN_CONTAINER
                    + "/"
                    + name));
    StringBuilder agent =
        new StringBuilder(
            "if command -v ssh-agent >/dev/null 2>&1 && command -v ssh-add >/dev/null 2>&1;"
                + " then eval \"$(ssh-agent -s)\" >/dev/null;");
    for (Key key : sorted) {
      String path = IN_CONTAINER + "/" + key.file();
      agent
          .append(" ssh-add -q ")
          .append(path)
          .append(" </dev/null 2>/dev/null || echo ")
          .append(
              quoted(
                  "ssh-add could not add the key "
                      + path
                      + " of '"
                      + key.integration().name()
                      + "'"))
          .append(";");
    }
    agent
        .append(" else echo ")
        .append(
            quoted(
                "the image has no ssh-agent: the keys are in "
                    + IN_CONTAINER
                    + " but no agent offers them; add openssh-client to your image"))
        .append("; fi");
    lines.add(agent.toString());
    return lines;
  }

  private Path write(String name, String text) throws IOException {
    Path file = folder.resolve(name);
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    // ssh-add reads no key whose last line has no newline
    Files.writeString(file, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
    return file;
  }

  /** A field's value as the job sees it (a secret revealed: it goes into a private file). */
  static String field(Integration integration, String name) {
    FieldValue value = integration.effectiveFields().get(name);
    if (value instanceof FieldValue.Text t) {
      return t.value();
    }
    if (value instanceof FieldValue.Hidden h) {
      return h.value().reveal();
    }
    return "";
  }

  static String quoted(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
