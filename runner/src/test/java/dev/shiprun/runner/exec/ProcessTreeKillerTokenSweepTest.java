package dev.shiprun.runner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same trees with the run token only ({@code SHIPRUN_CONTAINMENT=token}, the fallback where no
 * cgroup can be used): children, orphans, nohup, setsid and double-forked processes are still
 * found, by token, group and tree.
 */
class ProcessTreeKillerTokenSweepTest extends ProcessTreeKillerTest {

  @Override
  Exec exec() {
    return new Exec(ExecOptions.defaults(Map.of()).tokenOnly());
  }

  @Test
  void theSettingTurnsCgroupsOff(@TempDir Path scripts) throws Exception {
    Exec tokenOnly = exec();

    tokenOnly.run(scripts, "cat /proc/self/cgroup > cgroup.txt\n", new RecordingSink());

    assertFalse(Files.readString(scripts.resolve("cgroup.txt")).contains("/shiprun-"));
    assertEquals(
        "containment: run token only (SHIPRUN_CONTAINMENT=token): a process that clears its"
            + " environment and leaves the job's session can outlive the job",
        tokenOnly.launcher.containment().describe());
  }

  @Test
  void aSettingThatIsNeitherIsAnErrorOfTheRunner(@TempDir Path scripts) throws Exception {
    Exec misspelt = new Exec(ExecOptions.defaults(Map.of("SHIPRUN_CONTAINMENT", "cgroups")));

    LaunchResult result = misspelt.run(scripts, "true\n", new RecordingSink());

    assertEquals(
        new LaunchResult.Errored(
            "SHIPRUN_CONTAINMENT is 'cgroups': it is auto (a cgroup per script where the machine"
                + " allows it) or token (the run token only); set one of them or unset it"),
        result);
  }
}
