package dev.shiprun.runner.ci;

import dev.shiprun.model.ci.CiConfig;
import dev.shiprun.spi.JobContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The integrations of a CI build ({@code integrations.hub}, {@code key}, {@code generic}): called
 * once per build, before any image is pulled.
 */
public interface CiCredentials {

  /** No integrations: nothing to log in to, no files, no variables. */
  CiCredentials NONE = (context, config, branch) -> CiAccess.NONE;

  /**
   * Logs the job in to the registries of the {@code hub} integrations whose {@code branches} match
   * {@code branch} ({@link JobContext#login}), so that the build's images are pulled and its
   * scripts push with them; writes the {@code key} integrations' files; returns what every matrix
   * job gets from them.
   */
  CiAccess prepare(JobContext context, CiConfig config, String branch);

  /**
   * What the integrations give every matrix job.
   *
   * @param variables added to each matrix job's variables after the standard ones and before {@code
   *     env} ({@code generic} integrations, key file paths)
   * @param containerLines bash lines run in the container before the {@code ci} section (copy the
   *     keys to {@code /tmp/ssh/}, start an ssh-agent)
   * @param mounts extra folders the containers mount read-write at the same path
   * @param problem one line for the user when the build cannot go on (an unknown integration): the
   *     build then ends as an error with it and runs nothing
   */
  record CiAccess(
      Map<String, String> variables,
      List<String> containerLines,
      List<Path> mounts,
      Optional<String> problem) {

    public static final CiAccess NONE =
        new CiAccess(Map.of(), List.of(), List.of(), Optional.empty());

    public CiAccess {
      variables = Map.copyOf(variables);
      containerLines = List.copyOf(containerLines);
      mounts = List.copyOf(mounts);
      Objects.requireNonNull(problem, "problem");
    }
  }
}
