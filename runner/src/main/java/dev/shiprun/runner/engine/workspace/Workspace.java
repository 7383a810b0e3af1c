package dev.shiprun.runner.engine.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A run's build folder, {@code JOB_PATH} = {@code BUILD_DIR}, laid out as spec §5. Private to the
 * run (mode 0700): integration files and key files live in it.
 */
public final class Workspace {

  private final Path root;

  private Workspace(Path root) {
    this.root = root;
  }

  /** The sub-folders every build folder has (spec §5), whatever the job reads and writes. */
  static final List<String> FIXED =
      List.of(
          "state", "previousState", "shared", "integrations", "secrets", "scripts", "IN", "OUT");

  /** Private to the run: integration files and key files live in it. */
  private static final Set<PosixFilePermission> PRIVATE =
      PosixFilePermissions.fromString("rwx------");

  /**
   * Creates the folder with its fixed sub-folders; {@code root} must not exist yet. A spare (an
   * emptied build folder, see {@link #strip}) is renamed into place when one is given, which saves
   * creating and later deleting the fixed folders.
   */
  public static Workspace create(Path root, Optional<Path> spare) throws IOException {
    Files.createDirectories(root.getParent());
    if (spare.isPresent()) {
      try {
        Files.move(spare.get(), root, StandardCopyOption.ATOMIC_MOVE);
        return new Workspace(root);
      } catch (IOException taken) {
        // gone (another shiprun took it) or not movable: make a fresh one
      }
    }
    Files.createDirectory(root, PosixFilePermissions.asFileAttribute(PRIVATE));
    for (String name : FIXED) {
      Files.createDirectory(root.resolve(name), PosixFilePermissions.asFileAttribute(PRIVATE));
    }
    return new Workspace(root);
  }

  /**
   * Empties a finished build folder down to its fixed sub-folders, each (and the folder) mode 0700
   * again: what {@link #create} makes. Returns false, having deleted the folder, when the job left
   * it in a shape that is not worth checking further (a fixed sub-folder replaced by a link or a
   * file, or missing).
   */
  static boolean strip(Path folder) throws IOException {
    List<Path> entries;
    try (Stream<Path> list = Files.list(folder)) {
      entries = list.toList();
    }
    int kept = 0;
    for (Path entry : entries) {
      if (FIXED.contains(entry.getFileName().toString())
          && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
        deleteContents(entry);
        Files.setPosixFilePermissions(entry, PRIVATE);
        kept++;
      } else {
        deleteTree(entry);
      }
    }
    if (kept != FIXED.size()) {
      deleteTree(folder);
      return false;
    }
    Files.setPosixFilePermissions(folder, PRIVATE);
    return true;
  }

  private static void deleteContents(Path dir) throws IOException {
    makeEnterable(dir);
    try (Stream<Path> list = Files.list(dir)) {
      for (Path entry : list.toList()) {
        deleteTree(entry);
      }
    }
  }

  /** A build folder that is already there (left by an interrupted run). */
  public static Workspace existing(Path root) {
    return new Workspace(root);
  }

  public Path root() {
    return root;
  }

  public Path dependency(String operation, String name) {
    return root.resolve(operation).resolve(name);
  }

  public Path outState(String name, String type) {
    return dependency("OUT", name).resolve(type);
  }

  public Path state() {
    return root.resolve("state");
  }

  public Path previousState() {
    return root.resolve("previousState");
  }

  Path shared() {
    return root.resolve("shared");
  }

  public Path integrations() {
    return root.resolve("integrations");
  }

  public Path secrets() {
    return root.resolve("secrets");
  }

  public Path scripts() {
    return root.resolve("scripts");
  }

  public Path message() {
    return root.resolve("message.json");
  }

  /** Removes the folder and everything in it (the run is over; secrets go with it). */
  public void delete() {
    try {
      deleteTree(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes a file or a folder with everything in it; nothing when it is not there. */
  public static void deleteTree(Path top) throws IOException {
    if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        top,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            makeEnterable(dir);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** A script may have left a folder without write or search permission for its owner. */
  private static void makeEnterable(Path dir) {
    dir.toFile().setWritable(true, true);
    dir.toFile().setExecutable(true, true);
  }
}
