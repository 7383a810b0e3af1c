package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job that fills the device of the home, on a real small file system (a tmpfs mounted by the
 * test, so root): the run ends in error saying the device is full and where, nothing is left
 * processing, the command exits 1, and the home works on. Two ways to fill it: the job's own writes
 * (its script fails with ENOSPC), and a state the store cannot take (H2's write fails).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FullDiskIT {

  private static final String LINE =
      """
      jobs:
        - name: fill
          type: runSh
          steps:
            - TASK:
                script:
                  - |
                    case "$FILL" in
                      writes) dd if=/dev/zero of="$JOB_STATE/big" bs=64k ;;
                      state)
                        free=$(df --output=avail -B1 "$JOB_STATE" | tail -n 1)
                        head -c $((free - 3 * 1024 * 1024)) /dev/urandom > "$JOB_STATE/big" ;;
                      *) echo small > "$JOB_STATE/small" ;;
                    esac
      """;

  @TempDir Path temp;

  private Path mounted;

  @AfterEach
  void unmount() throws Exception {
    if (mounted != null) {
      PackagedJar.tool("umount", "-l", mounted.toString());
    }
  }

  @Test
  void aJobThatFillsTheHomesDeviceEndsInErrorAndTheStoreStaysConsistent() throws Exception {
    PackagedJar.require(PackagedJar.isRoot(), "root, to mount a small tmpfs for the home");
    Path device = Files.createDirectories(temp.resolve("device"));
    PackagedJar.require(
        PackagedJar.tool("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", device.toString()) == 0,
        "mount -t tmpfs (root with CAP_SYS_ADMIN)");
    mounted = device;
    Path home = device.resolve("home");
    Path line = Files.createDirectories(temp.resolve("filler"));
    Files.writeString(line.resolve("shippable.yml"), LINE);
    PackagedJar jar = new PackagedJar(Files.createDirectories(temp.resolve("out")));

    for (String fill : new String[] {"writes", "state"}) {
      PackagedJar.Result r =
          jar.run("run", line.toString(), "--home", home.toString(), "--env", "FILL=" + fill);
      assertEquals(1, r.code(), fill + ": " + r.err());
      assertTrue(r.err().contains("no space left on device"), fill + ": " + r.err());
      assertTrue(r.err().contains(home.toString()), "names the home: " + r.err());
      assertFalse(r.err().contains("internal error"), r.err());
      assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    PackagedJar.Result after =
        jar.run("run", line.toString(), "--home", home.toString(), "--env", "FILL=none");
    assertEquals(0, after.code(), "the home works on: " + after.err());

    PackagedJar.Result runs = jar.run("runs", "--home", home.toString(), "--output", "json");
    assertEquals(0, runs.code(), runs.err());
    JsonNode list = new ObjectMapper().readTree(runs.out());
    assertEquals(3, list.size(), runs.out());
    assertEquals("success", list.get(0).get("status").asText(), runs.out());
    for (int i = 1; i < 3; i++) {
      JsonNode run = list.get(i);
      assertEquals("error", run.get("status").asText(), run.toString());
      String reason = run.get("reason").asText();
      assertTrue(reason.startsWith("no space left on device"), reason);
      assertTrue(reason.contains(home.toString()), reason);
    }
  }
}
