package dev.shiprun.model.parse;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The shippable.yml files whose CI keys the line builds: those at the root of a folder given (spec
 * §2.1: only the repository root's shippable.yml has CI), each with its folder, and how a folder's
 * repository is named.
 *
 * @param folders file name (as the user named it) → the folder it is the root shippable.yml of
 * @param repositoryNames the name of the repository in a folder, asked only for a file with CI keys
 */
public record CiRoots(Map<String, Path> folders, Function<Path, String> repositoryNames) {

  /** No file is read for CI. */
  public static final CiRoots NONE = new CiRoots(Map.of(), folder -> "");

  public CiRoots {
    folders = Map.copyOf(folders);
    Objects.requireNonNull(repositoryNames, "repositoryNames");
  }
}
