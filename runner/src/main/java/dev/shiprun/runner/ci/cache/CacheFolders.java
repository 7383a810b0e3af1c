package dev.shiprun.runner.ci.cache;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders of {@code cache_dir_list} as paths relative to the checkout: each entry is relative
 * to the checkout, or absolute within it, and may start with {@code $SHIPPABLE_BUILD_DIR}. An entry
 * outside the checkout, or reached through a symbolic link, is refused with a line saying why.
 */
final class CacheFolders {

  /** What {@link #of} kept (relative paths, {@code .} for the checkout) and what it refused. */
  record Chosen(List<String> relative, List<String> refusals) {}

  private CacheFolders() {}

  /** The folders to keep; {@code entries} empty means the whole checkout. */
  static Chosen of(Path checkout, List<String> entries) {
    Path root = checkout.toAbsolutePath().normalize();
    List<String> relative = new ArrayList<>();
    List<String> refusals = new ArrayList<>();
    for (String entry : entries.isEmpty() ? List.of("$SHIPPABLE_BUILD_DIR") : entries) {
      Path path = root.resolve(expand(entry.strip(), root)).normalize();
      if (!path.startsWith(root)) {
        refusals.add(
            "cache_dir_list entry '"
                + entry
                + "' is outside the checkout "
                + root
                + ": it is not cached; list folders of the repository");
        continue;
      }
      Path rel = root.relativize(path);
      if (throughLink(root, rel)) {
        refusals.add(
            "cache_dir_list entry '"
                + entry
                + "' is reached through a symbolic link: it is not cached; list the folder the"
                + " link points to");
        continue;
      }
      if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        refusals.add("cache_dir_list entry '" + entry + "' does not exist: it is not cached");
        continue;
      }
      String text = rel.toString().isEmpty() ? "." : rel.toString();
      if (!relative.contains(text)) {
        relative.add(text);
      }
    }
    return new Chosen(relative, refusals);
  }

  /**
   * {@code $SHIPPABLE_BUILD_DIR} and {@code ${SHIPPABLE_BUILD_DIR}} at the start mean the checkout.
   */
  private static String expand(String entry, Path root) {
    for (String variable : List.of("${SHIPPABLE_BUILD_DIR}", "$SHIPPABLE_BUILD_DIR")) {
      if (entry.equals(variable) || entry.startsWith(variable + "/")) {
        return root + entry.substring(variable.length());
      }
    }
    return entry;
  }

  /** Whether a folder above the last part of {@code rel} is a symbolic link. */
  private static boolean throughLink(Path root, Path rel) {
    Path at = root;
    for (int i = 0; i < rel.getNameCount() - 1; i++) {
      at = at.resolve(rel.getName(i));
      if (Files.isSymbolicLink(at)) {
        return true;
      }
    }
    return false;
  }
}
