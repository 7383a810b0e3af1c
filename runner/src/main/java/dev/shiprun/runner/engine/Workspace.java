package dev.shiprun.runner.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A run's build folder, {@code JOB_PATH} = {@code BUILD_DIR}, laid out as spec §5. Private to the
 * run (mode 0700): integration files and key files live in it.
 */
final class Workspace {

  private final Path root;

  private Workspace(Path root) {
    this.root = root;
  }

  /** Creates the folder and its fixed sub-folders; {@code root} must not exist yet. */
  static Workspace create(Path root) throws IOException {
    Files.createDirectories(root.getParent());
    Files.createDirectory(
        root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Workspace ws = new Workspace(root);
    for (Path p :
        new Path[] {
          ws.state(),
          ws.previousState(),
          ws.shared(),
          ws.integrations(),
          ws.secrets(),
          ws.scripts(),
          root.resolve("IN"),
          root.resolve("OUT")
        }) {
      Files.createDirectories(p);
    }
    return ws;
  }

  /** A build folder that is already there (left by an interrupted run). */
  static Workspace existing(Path root) {
    return new Workspace(root);
  }

  Path root() {
    return root;
  }

  Path dependency(String operation, String name) {
    return root.resolve(operation).resolve(name);
  }

  Path outState(String name, String type) {
    return dependency("OUT", name).resolve(type);
  }

  Path state() {
    return root.resolve("state");
  }

  Path previousState() {
    return root.resolve("previousState");
  }

  Path shared() {
    return root.resolve("shared");
  }

  Path integrations() {
    return root.resolve("integrations");
  }

  Path secrets() {
    return root.resolve("secrets");
  }

  Path scripts() {
    return root.resolve("scripts");
  }

  Path message() {
    return root.resolve("message.json");
  }

  /** Removes the folder and everything in it (the run is over; secrets go with it). */
  void delete() {
    try {
      deleteTree(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes a file or a folder with everything in it; nothing when it is not there. */
  static void deleteTree(Path top) throws IOException {
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
            // A script may have left a folder without write permission.
            dir.toFile().setWritable(true, true);
            dir.toFile().setExecutable(true, true);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
