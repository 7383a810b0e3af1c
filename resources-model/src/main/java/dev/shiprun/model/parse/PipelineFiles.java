package dev.shiprun.model.parse;

import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.diagnostic.SourceLocation;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the PATH arguments of a command into the files of one assembly line. A directory gives the
 * files of {@link #DIRECTORY_FILES} found in it and in every folder below it, as Shippable read
 * every {@code shippable*.yml} of a sync repository; a file is read as it is. Hidden and vendored
 * folders are not entered; files over the size limit are refused before they are read, and once the
 * tree limits are reached the rest is skipped with one warning that names it.
 */
public final class PipelineFiles {

  /** The files a folder contributes, in the order they are read. */
  public static final List<String> DIRECTORY_FILES =
      List.of(
          "shippable.templates.yml",
          "shippable.yml",
          "shippable.resources.yml",
          "shippable.triggers.yml",
          "shippable.jobs.yml");

  /**
   * Folders that hold other projects' copies (package managers' and Go's vendoring), not the line's
   * own files; hidden folders ({@code .git} among them) are skipped as well.
   */
  public static final Set<String> SKIPPED_FOLDERS =
      Set.of("node_modules", "bower_components", "jspm_packages", "vendor", "Godeps");

  /** How many skipped files the AL012 warning names before it only counts them. */
  private static final int NAMED_SKIPPED = 5;

  /**
   * How many files, and how many bytes in all, one command reads from its PATHs, and how many
   * folders of one directory it looks in (a PATH that is a home directory, say, is not walked to
   * its end).
   */
  public record TreeLimits(int maxFiles, long maxBytes, int maxFolders) {

    public static final TreeLimits DEFAULT = new TreeLimits(1_000, 64L << 20, 10_000);

    public TreeLimits {
      if (maxFiles <= 0 || maxBytes <= 0 || maxFolders <= 0) {
        throw new IllegalArgumentException("tree limits must be positive");
      }
    }

    public TreeLimits(int maxFiles, long maxBytes) {
      this(maxFiles, maxBytes, DEFAULT.maxFolders);
    }
  }

  /** The file whose CI keys a repository's CI builds, at the root of the repository. */
  public static final String CI_FILE = "shippable.yml";

  /**
   * The files read, in order, and for each file found in a directory the templates file read in
   * front of it (empty: none). Files given one by one are not in {@code templatesOf}: the last
   * templates file given lends to them. {@code ciRoots}: each {@link #CI_FILE} read at the root of
   * a directory given (or given itself), with that folder.
   */
  public record LineFiles(
      List<PipelineFile> files,
      Map<String, Optional<String>> templatesOf,
      List<PipelineFile> settings,
      Map<String, Path> ciRoots) {

    public LineFiles {
      files = List.copyOf(files);
      templatesOf = Map.copyOf(templatesOf);
      settings = List.copyOf(settings);
      ciRoots = Map.copyOf(ciRoots);
    }
  }

  private final long maxBytes;
  private final TreeLimits treeLimits;

  public PipelineFiles(long maxBytes) {
    this(maxBytes, TreeLimits.DEFAULT);
  }

  public PipelineFiles(long maxBytes, TreeLimits treeLimits) {
    this.maxBytes = maxBytes;
    this.treeLimits = treeLimits;
  }

  public List<PipelineFile> read(List<Path> paths, Diagnostics out) {
    return readLine(paths, out).files();
  }

  /** Reads the PATHs as {@link #read}, keeping which templates file lends to which file. */
  public LineFiles readLine(List<Path> paths, Diagnostics out) {
    Budget budget = new Budget();
    List<PipelineFile> files = new ArrayList<>();
    Map<String, Optional<String>> templatesOf = new LinkedHashMap<>();
    List<PipelineFile> settings = new ArrayList<>();
    Map<String, Path> ciRoots = new LinkedHashMap<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        Path settingsFile = path.resolve(ShiprunSettings.FILE);
        if (Files.isRegularFile(settingsFile)) {
          readFile(settingsFile, settings, out);
        }
        readTree(path, budget, files, templatesOf, out);
        String ciFile = display(path.resolve(CI_FILE));
        if (files.stream().anyMatch(f -> f.name().equals(ciFile))) {
          ciRoots.putIfAbsent(ciFile, path);
        }
      } else if (budget.admits(path, size(path))) {
        if (readFile(path, files, out) && path.getFileName().toString().equals(CI_FILE)) {
          Path parent = path.toAbsolutePath().normalize().getParent();
          ciRoots.putIfAbsent(display(path), parent);
        }
      } else {
        budget.skipped.add(display(path));
        warnSkipped(display(path), budget, out);
      }
    }
    return new LineFiles(files, templatesOf, settings, ciRoots);
  }

  /** The files of one directory and its folders; an AL009 when there is none at all. */
  private void readTree(
      Path root,
      Budget budget,
      List<PipelineFile> files,
      Map<String, Optional<String>> templatesOf,
      Diagnostics out) {
    List<Path> found = new ArrayList<>();
    Walk walk = new Walk(treeLimits.maxFolders());
    collect(root, walk, found, out);
    if (walk.unvisited > 0) {
      out.warning(
          DiagnosticCode.AL012,
          SourceLocation.ofFile(display(root)),
          "stopped looking after "
              + treeLimits.maxFolders()
              + " folders under "
              + display(root)
              + "; "
              + walk.unvisited
              + (walk.unvisited == 1 ? " folder was" : " folders were")
              + " not looked in, the first "
              + walk.firstUnvisited,
          "give the folder of the assembly line (the repository), not a folder above it");
    }
    if (found.isEmpty()) {
      out.error(
          DiagnosticCode.AL009,
          SourceLocation.ofFile(display(root)),
          "no assembly line here: "
              + display(root)
              + " and its folders have none of "
              + String.join(", ", DIRECTORY_FILES),
          "give the directory that holds shippable.yml, or the YAML files themselves");
      return;
    }
    int skippedBefore = budget.skipped.size();
    Optional<String> rootTemplates = Optional.empty();
    Path folder = null;
    Optional<String> folderTemplates = Optional.empty();
    for (Path file : found) {
      String name = display(file);
      if (!budget.admits(file, size(file))) {
        budget.skipped.add(name);
        continue;
      }
      if (!file.getParent().equals(folder)) {
        folder = file.getParent();
        folderTemplates = Optional.empty();
      }
      if (isTemplates(file)) {
        if (readFile(file, files, out)) {
          folderTemplates = Optional.of(name);
          if (folder.equals(root)) {
            rootTemplates = folderTemplates;
          }
        }
        continue;
      }
      if (readFile(file, files, out)) {
        templatesOf.put(name, folderTemplates.isPresent() ? folderTemplates : rootTemplates);
      }
    }
    if (budget.skipped.size() > skippedBefore) {
      warnSkipped(display(root), budget, out);
    }
  }

  /** The folders one directory's walk may still look in, and those it did not. */
  private static final class Walk {
    int left;
    int unvisited;
    String firstUnvisited;

    Walk(int maxFolders) {
      this.left = maxFolders;
    }
  }

  /**
   * The pipeline files under {@code folder}: its own in {@link #DIRECTORY_FILES} order, then its
   * sub-folders' in name order. Symbolic links to folders are not followed, so no tree loops.
   */
  private static void collect(Path folder, Walk walk, List<Path> found, Diagnostics out) {
    if (walk.left == 0) {
      if (walk.unvisited++ == 0) {
        walk.firstUnvisited = display(folder);
      }
      return;
    }
    walk.left--;
    for (String name : DIRECTORY_FILES) {
      Path candidate = folder.resolve(name);
      if (Files.isRegularFile(candidate)) {
        found.add(candidate);
      }
    }
    List<Path> folders = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.startsWith(".")
            && !SKIPPED_FOLDERS.contains(name)
            && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          folders.add(entry);
        }
      }
    } catch (IOException e) {
      out.warning(
          DiagnosticCode.AL007,
          SourceLocation.ofFile(display(folder)),
          "cannot list the folder "
              + display(folder)
              + ": "
              + e.getClass().getSimpleName()
              + "; its files are not read",
          "check the folder's permissions");
      return;
    }
    folders.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    for (Path sub : folders) {
      collect(sub, walk, found, out);
    }
  }

  private static boolean isTemplates(Path file) {
    return file.getFileName().toString().equals(DIRECTORY_FILES.get(0));
  }

  /** The files and bytes read so far by one command, and the files it skipped. */
  private final class Budget {
    int files;
    long bytes;
    boolean full;
    final List<String> skipped = new ArrayList<>();

    /** Whether a file of {@code size} bytes still fits; once one does not, none does. */
    boolean admits(Path file, long size) {
      if (full) {
        return false;
      }
      // A file over the per-file limit is refused on its own (AL005), and counts nothing here.
      long counted = size > maxBytes ? 0 : size;
      if (files + 1 > treeLimits.maxFiles() || bytes + counted > treeLimits.maxBytes()) {
        full = true;
        return false;
      }
      files++;
      bytes += counted;
      return true;
    }
  }

  private void warnSkipped(String root, Budget budget, Diagnostics out) {
    List<String> skipped = budget.skipped;
    String named = String.join(", ", skipped.subList(0, Math.min(NAMED_SKIPPED, skipped.size())));
    String more =
        skipped.size() > NAMED_SKIPPED ? " and " + (skipped.size() - NAMED_SKIPPED) + " more" : "";
    out.warning(
        DiagnosticCode.AL012,
        SourceLocation.ofFile(root),
        "skipped "
            + skipped.size()
            + (skipped.size() == 1 ? " file" : " files")
            + ": shiprun reads up to "
            + treeLimits.maxFiles()
            + " pipeline files and "
            + mebibytes(treeLimits.maxBytes())
            + " in all; not read: "
            + named
            + more,
        "give the folders of one assembly line as PATHs, or keep other projects' files in a"
            + " folder shiprun skips (hidden ones, "
            + String.join(", ", SKIPPED_FOLDERS.stream().sorted().toList())
            + ")");
    skipped.clear();
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // reading it reports why
    }
  }

  private boolean readFile(Path path, List<PipelineFile> files, Diagnostics out) {
    String name = display(path);
    try {
      long size = Files.size(path);
      if (size > maxBytes) {
        out.error(
            DiagnosticCode.AL005,
            SourceLocation.ofFile(name),
            "file is "
                + mebibytes(size)
                + "; shiprun reads pipeline files up to "
                + mebibytes(maxBytes),
            "split the assembly line into several files");
        return false;
      }
      files.add(new PipelineFile(name, Files.readAllBytes(path)));
      return true;
    } catch (NoSuchFileException e) {
      out.error(
          DiagnosticCode.AL007,
          SourceLocation.ofFile(name),
          "no such file or directory: " + name,
          "check the path; a directory must hold shippable.yml or shippable.jobs.yml");
    } catch (IOException e) {
      out.error(
          DiagnosticCode.AL007,
          SourceLocation.ofFile(name),
          "cannot read "
              + name
              + ": "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"),
          "check the file's permissions");
    }
    return false;
  }

  private static String mebibytes(long bytes) {
    return String.format("%.1f MiB", bytes / 1048576.0);
  }

  /** Paths as the user wrote them, with forward slashes, so messages match their shell. */
  static String display(Path path) {
    String s = path.normalize().toString().replace('\\', '/');
    return s.isEmpty() ? "." : s;
  }
}
