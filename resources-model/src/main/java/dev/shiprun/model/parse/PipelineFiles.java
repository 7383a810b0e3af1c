package dev.shiprun.model.parse;

import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.diagnostic.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the PATH arguments of a command into the files of one assembly line: a directory gives its
 * shippable.templates.yml, shippable.yml, shippable.resources.yml and shippable.jobs.yml; a file is
 * read as it is. Files over the size limit are refused before they are read.
 */
public final class PipelineFiles {

  /** The files a directory contributes, in the order they are read. */
  public static final List<String> DIRECTORY_FILES =
      List.of(
          "shippable.templates.yml",
          "shippable.yml",
          "shippable.resources.yml",
          "shippable.triggers.yml",
          "shippable.jobs.yml");

  private final long maxBytes;

  public PipelineFiles(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public List<PipelineFile> read(List<Path> paths, Diagnostics out) {
    List<PipelineFile> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        int before = files.size();
        for (String name : DIRECTORY_FILES) {
          Path candidate = path.resolve(name);
          if (Files.isRegularFile(candidate)) {
            readFile(candidate, files, out);
          }
        }
        if (files.size() == before) {
          out.error(
              DiagnosticCode.AL009,
              SourceLocation.ofFile(display(path)),
              "no assembly line here: "
                  + display(path)
                  + " has none of "
                  + String.join(", ", DIRECTORY_FILES),
              "give the directory that holds shippable.yml, or the YAML files themselves");
        }
      } else {
        readFile(path, files, out);
      }
    }
    return files;
  }

  private void readFile(Path path, List<PipelineFile> files, Diagnostics out) {
    String name = display(path);
    try {
      long size = Files.size(path);
      if (size > maxBytes) {
        out.error(
            DiagnosticCode.AL005,
            SourceLocation.ofFile(name),
            String.format(
                "file is %.1f MiB; shiprun reads pipeline files up to %.1f MiB",
                size / 1048576.0, maxBytes / 1048576.0),
            "split the assembly line into several files");
        return;
      }
      files.add(new PipelineFile(name, Files.readAllBytes(path)));
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
  }

  /** Paths as the user wrote them, with forward slashes, so messages match their shell. */
  private static String display(Path path) {
    String s = path.normalize().toString().replace('\\', '/');
    return s.isEmpty() ? "." : s;
  }
}
