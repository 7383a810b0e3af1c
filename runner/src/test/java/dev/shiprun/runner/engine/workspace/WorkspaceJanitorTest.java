package dev.shiprun.runner.engine.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Build folders are emptied into spares and reused, and nothing a job wrote survives. */
class WorkspaceJanitorTest {

  @TempDir Path builds;

  @Test
  void aFinishedFolderBecomesAnEmptySpareThatTheNextJobTakes() throws IOException {
    WorkspaceJanitor janitor = new WorkspaceJanitor(builds);
    Workspace first = Workspace.create(builds.resolve("line/job/1"), janitor.takeSpare());
    fill(first);

    janitor.retire(first);
    janitor.awaitDeletions();

    assertFalse(Files.exists(builds.resolve("line/job/1")));
    assertEquals(List.of(), files(builds), "no file of the job is left anywhere");
    List<Path> spares = list(builds.resolve(".spare"));
    assertEquals(1, spares.size());
    assertEquals(
        Workspace.FIXED.stream().sorted().toList(),
        list(spares.get(0)).stream().map(p -> p.getFileName().toString()).sorted().toList());

    WorkspaceJanitor next = new WorkspaceJanitor(builds); // the next command on this home
    Optional<Path> spare = next.takeSpare();
    assertEquals(Optional.of(spares.get(0)), spare);
    Workspace second = Workspace.create(builds.resolve("line/job/2"), spare);
    assertFalse(Files.exists(spares.get(0)), "the spare was renamed into place");
    for (String name : Workspace.FIXED) {
      Path dir = second.root().resolve(name);
      assertTrue(Files.isDirectory(dir), name);
      assertEquals("rwx------", mode(dir), name);
      assertEquals(List.of(), list(dir), name);
    }
    assertEquals("rwx------", mode(second.root()));
    // The oracle: a folder made from scratch has the same sub-folders and modes.
    Workspace fresh = Workspace.create(builds.resolve("line/job/3"), Optional.empty());
    assertEquals(shape(fresh.root()), shape(second.root()));
  }

  /** Every entry under {@code root}, relative, with its mode. */
  private static List<String> shape(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.map(
              p -> {
                try {
                  return root.relativize(p) + " " + mode(p);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .sorted()
          .toList();
    }
  }

  @Test
  void aFolderWhoseShapeTheJobChangedIsDeletedNotReused() throws IOException {
    WorkspaceJanitor janitor = new WorkspaceJanitor(builds);
    Workspace ws = Workspace.create(builds.resolve("line/job/1"), Optional.empty());
    Path outside = Files.createDirectories(builds.resolve("outside"));
    Files.writeString(outside.resolve("keep.txt"), "not the job's");
    Files.delete(ws.state());
    Files.createSymbolicLink(ws.state(), outside); // state/ now points out of the folder

    janitor.retire(ws);
    janitor.awaitDeletions();

    Path spares = builds.resolve(".spare");
    assertEquals(List.of(), Files.exists(spares) ? list(spares) : List.of(), "not kept as a spare");
    assertEquals(
        "not the job's", Files.readString(outside.resolve("keep.txt")), "link not followed");
    assertEquals(List.of(outside.resolve("keep.txt")), files(builds));
  }

  @Test
  void atMostAFewSparesAreKept() throws IOException {
    WorkspaceJanitor janitor = new WorkspaceJanitor(builds);
    int made = WorkspaceJanitor.MAX_SPARES + 3;
    for (int i = 1; i <= made; i++) {
      janitor.retire(Workspace.create(builds.resolve("line/job/" + i), Optional.empty()));
    }
    janitor.awaitDeletions();

    assertEquals(WorkspaceJanitor.MAX_SPARES, list(builds.resolve(".spare")).size());
    assertFalse(Files.exists(builds.resolve(".trash")));
  }

  @Test
  void janitorsSideBySideNeverEmptyEachOthersTrash() throws IOException {
    // A daemon runs several lines at once, each with its janitor: one finishing must not delete
    // what another is still turning into a spare (a spare missing state/ broke the next job).
    WorkspaceJanitor busy = new WorkspaceJanitor(builds);
    for (int i = 1; i <= 3; i++) {
      busy.retire(Workspace.create(builds.resolve("a/job/" + i), Optional.empty()));
    }
    WorkspaceJanitor done = new WorkspaceJanitor(builds);
    done.awaitDeletions();
    busy.awaitDeletions();

    List<Path> spares = list(builds.resolve(".spare"));
    assertEquals(3, spares.size());
    for (Path spare : spares) {
      assertEquals(Workspace.FIXED.size(), list(spare).size(), "a whole spare: " + spare);
    }
    assertFalse(Files.exists(builds.resolve(".trash")));
  }

  @Test
  void aSpareTakenByAnotherCommandMeansAFreshFolder() throws IOException {
    Workspace ws =
        Workspace.create(builds.resolve("line/job/1"), Optional.of(builds.resolve("gone")));
    assertEquals(Workspace.FIXED.size(), list(ws.root()).size());
  }

  /** What a job leaves: integration files, a key, a read-only folder, state. */
  private static void fill(Workspace ws) throws IOException {
    Path in = Files.createDirectories(ws.root().resolve("IN/hub/image"));
    Files.writeString(ws.root().resolve("IN/hub/integration.env"), "password=\"made-up\"\n");
    Files.writeString(ws.integrations().resolve("key.pem"), "made-up key");
    Files.writeString(ws.state().resolve("counter.txt"), "3");
    Files.writeString(in.resolve("version.json"), "{}");
    Path locked = Files.createDirectories(ws.shared().resolve("locked"));
    Files.writeString(locked.resolve("f"), "x");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
    Files.setPosixFilePermissions(ws.secrets(), PosixFilePermissions.fromString("rwxrwxrwx"));
  }

  private static List<Path> files(Path top) throws IOException {
    try (Stream<Path> walk = Files.walk(top)) {
      return walk.filter(p -> !Files.isDirectory(p)).toList();
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.toList();
    }
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
