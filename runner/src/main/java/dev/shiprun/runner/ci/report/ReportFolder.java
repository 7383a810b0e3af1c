package dev.shiprun.runner.ci.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The {@code *.xml} files of a report folder (its sub-folders too), in name order, each checked
 * before it is parsed: a symbolic link or a file over the size limit is skipped with a warning, so
 * a build cannot make the runner read a file outside its folder nor hold a huge one in memory.
 */
final class ReportFolder {

  /** The size limit per report file. */
  static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;

  private static final int MAX_DEPTH = 8;

  private final long maxFileBytes;

  ReportFolder(long maxFileBytes) {
    this.maxFileBytes = maxFileBytes;
  }

  /** The files of one folder to parse, and the warnings for those skipped. */
  record Listing(List<Path> files, List<String> warnings) {
    Listing {
      files = List.copyOf(files);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Lists the folder; a folder that does not exist (or is not a folder) gives no files.
   *
   * @param label what the files are, for the warnings ("test results", "coverage")
   */
  Listing list(Path folder, String label) {
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return new Listing(List.of(), List.of());
    }
    List<Path> candidates;
    try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH, new FileVisitOption[0])) {
      candidates =
          walk.filter(p -> !p.equals(folder))
              .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml"))
              .sorted()
              .toList();
    } catch (IOException | UncheckedIOException e) {
      return new Listing(
          List.of(),
          List.of(label + " folder " + folder.getFileName() + " cannot be listed; skipped it"));
    }
    List<Path> files = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Path file : candidates) {
      String name = relative(folder, file);
      if (Files.isSymbolicLink(file)) {
        warnings.add(warning(label, name, "is a symbolic link, which is not followed"));
      } else if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        long size = size(file);
        if (size > maxFileBytes) {
          warnings.add(
              warning(
                  label,
                  name,
                  "is "
                      + bytes(size)
                      + ", over the limit of "
                      + bytes(maxFileBytes)
                      + " per report"));
        } else {
          files.add(file);
        }
      }
    }
    return new Listing(files, warnings);
  }

  static String relative(Path folder, Path file) {
    return folder.relativize(file).toString().replace('\\', '/');
  }

  /** One warning line: which kind of report, the file, what is wrong with it. */
  static String warning(String label, String name, String problem) {
    return label + " file " + name + " " + problem + "; skipped it";
  }

  private static String bytes(long count) {
    return count >= 1 << 20 ? (count >> 20) + " MiB" : count + " bytes";
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
