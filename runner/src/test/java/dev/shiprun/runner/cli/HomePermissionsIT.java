package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A home this user may not use: one line naming the path and the fix, exit code 3, no stack trace,
 * never "another shiprun version". Root reads any folder, so the packaged jar runs as user nobody
 * (setpriv); the read-only file system is a read-only bind mount.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HomePermissionsIT {

  private static final List<String> AS_NOBODY =
      List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");

  @TempDir Path temp;

  private Path mounted;

  @AfterEach
  void unmount() throws Exception {
    if (mounted != null) {
      PackagedJar.tool("umount", "-l", mounted.toString());
    }
  }

  @Test
  void anUnreadableStoreAndAReadOnlyHomeAreOneLineEach() throws Exception {
    PackagedJar.require(
        PackagedJar.isRoot() && PackagedJar.tool("setpriv", "--version") == 0,
        "root and setpriv, to run shiprun as user nobody");
    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path jar = temp.resolve("shiprun.jar");
    Files.copy(PackagedJar.jar(), jar);
    Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
    Path line = Files.createDirectories(temp.resolve("hello"));
    Files.writeString(
        line.resolve("shippable.yml"),
        "jobs:\n  - name: hello\n    type: runSh\n    steps:\n      - TASK: {script: ['echo hi']}\n");
    Path home = Files.createDirectories(temp.resolve("home"));
    Files.setAttribute(home, "unix:uid", 65534);
    Files.setAttribute(home, "unix:gid", 65534);
    PackagedJar shiprun = new PackagedJar(Files.createDirectories(temp.resolve("out")));
    Files.setPosixFilePermissions(
        temp.resolve("out"), PosixFilePermissions.fromString("rwxrwxrwx"));

    PackagedJar.Result first =
        asNobody(shiprun, jar, "run", line.toString(), "--home", home.toString());
    assertEquals(0, first.code(), first.err());

    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("---------"));
    PackagedJar.Result closedHome = asNobody(shiprun, jar, "runs", "--home", home.toString());
    assertOneLine(closedHome, home.toString());
    assertTrue(
        closedHome.err().contains("permission denied"), "not 'no runs yet': " + closedHome.err());
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));

    Path store = home.resolve("store");
    Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("---------"));
    for (String[] command :
        List.of(
            new String[] {"runs", "--home", home.toString()},
            new String[] {"run", line.toString(), "--home", home.toString()})) {
      PackagedJar.Result r = asNobody(shiprun, jar, command);
      assertOneLine(r, store.toString());
      assertTrue(r.err().contains("permission denied") && r.err().contains("chmod"), r.err());
    }

    Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (Stream<Path> all = Files.walk(home)) {
      for (Path p : all.toList()) {
        Files.setPosixFilePermissions(
            p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "r-xr-xr-x" : "r--r--r--"));
      }
    }
    PackagedJar.Result readOnly =
        asNobody(shiprun, jar, "run", line.toString(), "--home", home.toString());
    assertOneLine(readOnly, home.toString());
    assertTrue(readOnly.err().contains("is read-only for user nobody"), readOnly.err());

    Path mount = Files.createDirectories(temp.resolve("read-only"));
    PackagedJar.require(
        PackagedJar.tool("mount", "--bind", "-o", "ro", home.toString(), mount.toString()) == 0,
        "mount --bind -o ro (root with CAP_SYS_ADMIN)");
    mounted = mount;
    PackagedJar.Result fileSystem = shiprun.run("runs", "--home", mount.toString());
    assertOneLine(fileSystem, mount.toString());
    assertTrue(fileSystem.err().contains("read-only file system"), fileSystem.err());
  }

  private static PackagedJar.Result asNobody(PackagedJar shiprun, Path jar, String... args)
      throws Exception {
    return shiprun.start(AS_NOBODY, Map.of(), jar, args).await();
  }

  private static void assertOneLine(PackagedJar.Result r, String path) {
    assertEquals(3, r.code(), r.err());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    assertTrue(r.err().contains(path), "names " + path + ": " + r.err());
    assertFalse(r.err().contains("another shiprun version"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }
}
