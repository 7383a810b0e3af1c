package dev.shiprun.runner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which containment {@link ContainmentProbe} picks, on a made-up /proc whose mounts point into a
 * temporary folder standing in for the cgroup file systems (a process "moves" by writing 0 into its
 * cgroup.procs, which here is a plain file). The real hierarchies are used by {@link
 * ContainmentTest}.
 */
class ContainmentProbeTest {

  @TempDir Path proc;
  @TempDir Path fs;

  private final ExecOptions options = ExecOptions.defaults(Map.of());

  @Test
  void takesCgroupV2UnderItsOwnCgroup() throws IOException {
    Path own = Files.createDirectories(fs.resolve("unified/user.slice/shiprun.scope"));
    Files.writeString(own.resolve("cgroup.kill"), "");
    self(
        List.of("6:freezer:/", "0::/user.slice/shiprun.scope"),
        List.of(
            mount("/", fs.resolve("freezer"), "cgroup", "rw,freezer"),
            mount("/", fs.resolve("unified"), "cgroup2", "rw,nsdelegate")));

    assertEquals(
        new Containment.Cgroups(own, "cgroup v2", true),
        new ContainmentProbe(proc, options).detect());
  }

  @Test
  void aMountOfPartOfTheHierarchyIsFollowed() throws IOException {
    Path own = Files.createDirectories(fs.resolve("cg/job"));
    self(
        List.of("0::/container/job"),
        List.of(mount("/container", fs.resolve("cg"), "cgroup2", "rw")));

    assertEquals(
        new Containment.Cgroups(own, "cgroup v2", false),
        new ContainmentProbe(proc, options).detect());
  }

  @Test
  void fallsBackToTheFreezerOfCgroupV1() throws IOException {
    Path own = Files.createDirectories(fs.resolve("freezer/shiprun"));
    self(
        List.of("6:freezer:/shiprun", "0::/"),
        List.of(mount("/", fs.resolve("freezer"), "cgroup", "rw,freezer")));

    assertEquals(
        new Containment.Cgroups(own, "cgroup v1 (freezer)", false),
        new ContainmentProbe(proc, options).detect());
  }

  @Test
  void aCgroupThatCannotBeMadeLeavesTheTokenAndSaysWhy() throws IOException {
    // Not a folder: nothing can be made under it, not even by root.
    Path own = Files.createDirectories(fs.resolve("unified")).resolve("session.scope");
    Files.writeString(own, "");
    self(List.of("0::/session.scope"), List.of(mount("/", fs.resolve("unified"), "cgroup2", "rw")));

    Containment found = new ContainmentProbe(proc, options).detect();

    String why = assertInstanceOf(Containment.TokenSweep.class, found).why();
    assertTrue(
        why.startsWith("no cgroup to use: cgroup v2 at " + own + ": cannot make a cgroup there: "),
        why);
    assertTrue(why.endsWith("; cgroup v1 (freezer): not mounted"), why);
  }

  @Test
  void withoutCgroupFileSystemsTheTokenIsAllThereIs() throws IOException {
    self(List.of(), List.of());

    Containment found = new ContainmentProbe(proc, options).detect();

    assertEquals(
        new Containment.TokenSweep(
            "no cgroup to use: cgroup v2: not mounted; cgroup v1 (freezer): not mounted"),
        found);
    assertTrue(found.describe().contains("can outlive the job"), found.describe());
  }

  @Test
  void theTokenSettingSkipsTheProbe() {
    assertEquals(
        new Containment.TokenSweep("SHIPRUN_CONTAINMENT=token"),
        new ContainmentProbe(proc, options.tokenOnly()).detect());
  }

  private void self(List<String> cgroup, List<String> mountinfo) throws IOException {
    Files.createDirectories(proc.resolve("self"));
    Files.write(proc.resolve("self/cgroup"), cgroup);
    Files.write(proc.resolve("self/mountinfo"), mountinfo);
  }

  private static String mount(String root, Path point, String type, String options) {
    return "30 25 0:26 " + root + " " + point + " rw,nosuid - " + type + " " + type + " " + options;
  }
}
