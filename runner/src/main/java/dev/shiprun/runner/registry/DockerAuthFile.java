package dev.shiprun.runner.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A job's own Docker {@code config.json}: an {@code auths} entry per registry, so docker and crane
 * (through {@code DOCKER_CONFIG=<dir>}) and podman, skopeo and buildah (through {@code
 * REGISTRY_AUTH_FILE=<dir>/config.json}) reach the registries without a login in the script.
 *
 * <p>The folder is made 0700 and the file 0600. The file is written beside itself and moved into
 * place atomically, so a reader never sees half of it and no other mode ever applies to it.
 */
public final class DockerAuthFile {

  public static final String FILE_NAME = "config.json";

  /** Unfinished writes: {@link #delete} removes leftovers of a write that died halfway. */
  private static final String TEMP_PREFIX = "." + FILE_NAME + ".";

  private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");

  private final ObjectMapper json;

  public DockerAuthFile(ObjectMapper json) {
    this.json = json;
  }

  /** Where the file of {@code dir} is. */
  public static Path in(Path dir) {
    return dir.resolve(FILE_NAME);
  }

  /**
   * Writes {@code <dir>/config.json} with one entry per registry; of two logins with the same
   * {@link RegistryLogin#registryKey() key} the last one wins (as Shippable's cliConfig did). An
   * entry holds {@code auth} (base64 of {@code user:password}) and {@code email} when there is one;
   * the file holds nothing else.
   *
   * @return the file
   */
  public Path write(Path dir, List<RegistryLogin> logins) throws IOException {
    privateFolder(dir);
    Map<String, RegistryLogin> byKey = new LinkedHashMap<>();
    for (RegistryLogin login : logins) {
      byKey.put(login.registryKey(), login);
    }
    ObjectNode root = json.createObjectNode();
    ObjectNode auths = root.putObject("auths");
    byKey.forEach(
        (key, login) -> {
          ObjectNode entry = auths.putObject(key);
          entry.put("auth", login.basicCredentials().reveal());
          if (!login.email().isEmpty()) {
            entry.put("email", login.email());
          }
        });
    byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    Path target = in(dir);
    Path temp =
        Files.createTempFile(
            dir, TEMP_PREFIX, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
    try {
      Files.write(temp, bytes);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Arrays.fill(bytes, (byte) 0);
      Files.deleteIfExists(temp);
    }
    return target;
  }

  /**
   * Removes the file, what an interrupted write left beside it, and then the folder when nothing
   * else is in it (a tool run by the job may have put its own files there; the job's folder goes
   * with the build). Nothing there is fine.
   */
  public void delete(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.deleteIfExists(in(dir));
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, TEMP_PREFIX + "*")) {
      for (Path leftover : leftovers) {
        Files.deleteIfExists(leftover);
      }
    }
    try (var entries = Files.list(dir)) {
      if (entries.findAny().isEmpty()) {
        Files.deleteIfExists(dir);
      }
    } catch (NoSuchFileException gone) {
      // removed meanwhile: what was asked for
    }
  }

  /** Creates {@code dir} 0700, or makes an existing one 0700: the file in it is a secret. */
  private static void privateFolder(Path dir) throws IOException {
    Path parent = dir.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
    } catch (FileAlreadyExistsException exists) {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException(dir + " is in the way of the registry logins' folder: not a folder");
      }
    }
    // Also when it existed: whoever made it may have left it open to others.
    Files.setPosixFilePermissions(dir, OWNER_ONLY_FOLDER);
  }
}
