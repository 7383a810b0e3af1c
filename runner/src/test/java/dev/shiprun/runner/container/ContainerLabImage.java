package dev.shiprun.runner.container;

import dev.shiprun.runner.registry.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The lab's image as a root file system archive, made without a network or a container engine:
 * Debian's static busybox and its applets, {@code /bin/bash}, {@code /usr/bin/jq}, the libraries
 * {@code ldd} names for them, and a marker file that tells a script it runs inside the image. The
 * archive is kept in a cache folder under a name made of the hash of everything that goes in, so
 * every lab after the first reuses it; {@code podman import} makes an image of it.
 *
 * @param archive the tar of the root file system
 * @param hash the first hex digits of the inputs' hash: a tag that changes when they do
 */
record ContainerLabImage(Path archive, String hash) {

  /** A file only the image has; its content is {@link #MARKER_TEXT}. */
  static final String MARKER = "/etc/shiprun-lab-image";

  static final String MARKER_TEXT = "inside the shiprun lab image";

  private static final Duration LIMIT = Duration.ofMinutes(2);
  private static final Pattern LIBRARY = Pattern.compile("(/\\S+)");

  /** Host files copied to the same path in the image (busybox is linked to every applet). */
  private static final List<String> BINARIES = List.of("/bin/busybox", "/bin/bash", "/usr/bin/jq");

  /** The cached archive for this machine's binaries, made in {@code cache} when missing. */
  static ContainerLabImage cached(Path cache) throws IOException {
    return cached(cache, List.of());
  }

  /**
   * As {@link #cached(Path)}, with {@code extraBinaries} of the host (such as {@code
   * /usr/bin/node}) and their libraries added at the same paths.
   */
  static ContainerLabImage cached(Path cache, List<String> extraBinaries) throws IOException {
    Files.createDirectories(cache);
    Set<Path> files = new LinkedHashSet<>();
    List<String> binaries = new ArrayList<>(BINARIES);
    binaries.addAll(extraBinaries);
    for (String binary : binaries) {
      Path path = Path.of(binary);
      if (!Files.isExecutable(path)) {
        throw new IOException(
            binary + " is missing; apt-get install busybox-static bash jq (and its package)");
      }
      files.add(path);
      files.addAll(libraries(cache, binary));
    }
    String hash = hash(files);
    Path archive = cache.resolve("lab-rootfs-" + hash + ".tar");
    if (!Files.isRegularFile(archive)) {
      build(cache, files, archive);
    }
    return new ContainerLabImage(archive, hash);
  }

  /** The shared libraries {@code ldd} names for {@code binary}; none for a static one. */
  private static List<Path> libraries(Path dir, String binary) throws IOException {
    Tool.Result ldd = Tool.run(dir, Map.of(), LIMIT, "ldd", binary);
    List<Path> found = new ArrayList<>();
    if (!ldd.ok()) {
      return found; // "not a dynamic executable": busybox-static
    }
    for (String line : ldd.output().lines().toList()) {
      Matcher m = LIBRARY.matcher(line);
      if (m.find()) {
        found.add(Path.of(m.group(1)));
      }
    }
    return found;
  }

  private static String hash(Set<Path> files) throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(
          ("recipe 1 " + MARKER + " " + MARKER_TEXT + "\n").getBytes(StandardCharsets.UTF_8));
      for (Path file : files) {
        sha.update((file + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(Files.readAllBytes(file));
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the root file system next to the cache, archives it, then moves it into place. */
  private static void build(Path cache, Set<Path> files, Path archive) throws IOException {
    Path work = Files.createTempDirectory(cache, "build-");
    try {
      Path rootfs = Files.createDirectories(work.resolve("rootfs"));
      for (String dir : List.of("bin", "usr/bin", "etc", "tmp", "root", "proc", "sys", "dev")) {
        Files.createDirectories(rootfs.resolve(dir));
      }
      for (Path file : files) {
        Path target = rootfs.resolve(file.toString().substring(1));
        Files.createDirectories(target.getParent());
        // The real file behind a library's symlink, under the name the binary asks for.
        Files.copy(file.toRealPath(), target, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(file.toRealPath()));
      }
      Tool.Result applets = Tool.run(work, Map.of(), LIMIT, "/bin/busybox", "--list");
      if (!applets.ok()) {
        throw new IOException("busybox --list failed: " + applets.output());
      }
      for (String applet : applets.output().lines().map(String::strip).toList()) {
        Path link = rootfs.resolve("bin").resolve(applet);
        if (!applet.isEmpty() && !Files.exists(link)) {
          Files.createSymbolicLink(link, Path.of("busybox"));
        }
      }
      Files.createSymbolicLink(rootfs.resolve("usr/bin/env"), Path.of("../../bin/busybox"));
      Files.writeString(rootfs.resolve(MARKER.substring(1)), MARKER_TEXT + "\n");
      Files.writeString(rootfs.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\n");
      Files.writeString(rootfs.resolve("etc/group"), "root:x:0:\n");
      Path partial = work.resolve("rootfs.tar");
      Tool.Result tar =
          Tool.run(
              work,
              Map.of(),
              LIMIT,
              "tar",
              "--sort=name",
              "--mtime=@0",
              "--owner=0",
              "--group=0",
              "--numeric-owner",
              "-C",
              rootfs.toString(),
              "-cf",
              partial.toString(),
              ".");
      if (!tar.ok()) {
        throw new IOException("tar of the lab's root file system failed: " + tar.output());
      }
      try {
        Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      delete(work);
    }
  }

  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
