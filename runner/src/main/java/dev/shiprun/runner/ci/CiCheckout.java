package dev.shiprun.runner.ci;

import dev.shiprun.runner.git.Git;
import dev.shiprun.runner.git.GitAuth;
import dev.shiprun.runner.git.GitException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;

/**
 * Gives each matrix job its own copy of the source, so that jobs running at once never share a
 * file: a clone at the commit (the first job's from the repository, the others' from the first
 * job's copy, which already holds the commit), or a copy of a folder that is not a repository.
 */
final class CiCheckout {

  private final Git git;

  CiCheckout(Git git) {
    this.git = git;
  }

  /**
   * Makes {@code dest} the source at its commit.
   *
   * @param first a checkout already made for this build, cloned from instead of the repository
   * @return why it could not be made, one line; empty when it was
   */
  Optional<String> make(CiSource source, Path dest, Optional<Path> first) {
    String url = source.sourcePath().map(Path::toString).orElse("");
    try {
      Files.createDirectories(dest.getParent());
      if (source.repositoryUrl().isEmpty()) {
        copy(source.sourcePath().orElseThrow(), dest);
        return Optional.empty();
      }
      url = source.repositoryUrl().get();
      String from = first.map(Path::toString).orElse(url);
      Path parent = dest.getParent();
      git.run(parent, GitAuth.NONE, List.of("clone", "-q", "--no-checkout", from, dest.toString()));
      if (first.isPresent()) {
        git.run(dest, GitAuth.NONE, List.of("remote", "set-url", "origin", url));
      }
      String commit = source.commitSha().orElse("HEAD");
      git.run(dest, GitAuth.NONE, List.of("checkout", "-q", "--detach", commit));
      return Optional.empty();
    } catch (GitException e) {
      return Optional.of(
          "cannot check out commit "
              + source.commitSha().orElse("HEAD")
              + " of "
              + Git.display(url)
              + ": "
              + e.getMessage());
    } catch (IOException e) {
      return Optional.of("cannot copy the source into " + dest + ": " + e.getMessage());
    }
  }

  /** Copies a folder tree; links are copied as links. */
  private static void copy(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      throw new IOException("the source folder " + from + " does not exist");
    }
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.copy(
                file,
                to.resolve(from.relativize(file).toString()),
                StandardCopyOption.COPY_ATTRIBUTES,
                LinkOption.NOFOLLOW_LINKS);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
