package dev.shiprun.spi;

import dev.shiprun.model.Job;
import dev.shiprun.model.integration.Integration;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link JobBody} gets from the engine for one run: the run, its build folder and variables,
 * its log, its limits, the executors, and containers with the job's mounts and registry
 * credentials. Safe to call from several threads at once.
 */
public interface JobContext {

  Job job();

  /** The assembly line's name. */
  String line();

  long runId();

  int buildNumber();

  /** What triggered the run, as the log says it. */
  String triggeredBy();

  /** The job's variables (spec §3): what every script of it gets before the body adds its own. */
  Map<String, String> environment();

  /** The job's INs and OUTs with the versions the run reads, in the YAML's order. */
  List<Dependency> dependencies();

  /** The run's build folder; containers mount it at the same path. */
  Path buildFolder();

  /** Where an executor may write the files of the body's scripts. */
  Path scriptsFolder();

  /**
   * A folder in the home kept between runs for this job's own data (a build cache), made when first
   * asked for; each job has its own.
   */
  Path dataFolder();

  /** One line of the runner's own in the job's log (masked there). */
  void say(String line);

  /**
   * Where a script's output goes: the job's log, each whole line prefixed with {@code prefix} (as
   * {@code [1.2] }) so that scripts running at once keep their lines apart; empty for no prefix.
   */
  ScriptOutput output(String prefix);

  /** The masker learns {@code value}: the log shows {@code ***} for it from now on. */
  void secret(String value);

  /** When the run times out: an executor stops a script at this instant. */
  Instant deadline();

  /** Set when the run was cancelled. */
  CancelSignal cancel();

  /** Marks every process of the run (see {@link Execution#runMark}). */
  String runMark();

  /** How many scripts of this run may run at once: the node's {@code --parallel}, at least 1. */
  int parallel();

  /** The executor that runs scripts on this machine. */
  Executor host();

  /**
   * The executor of a script that asks for a container: {@code container}, or the node's default
   * executor when that is a plugin's.
   */
  Executor containerExecutor();

  /**
   * The notifier of a notification method ({@code slack}, {@code webhook}, {@code irc}, {@code
   * email} …): shiprun's own or a plugin jar's, as NOTIFY steps find them.
   */
  Optional<Notifier> notifier(String method);

  /** The integrations the job may use, by name; their secrets are known to the masker. */
  Map<String, Integration> integrations();

  /**
   * Logs the job in to the registries of the Docker Registry integrations named, in the job's own
   * credentials file (beside any of its IN image resources), so that containers pull with them and
   * scripts push with them.
   *
   * @return every registry the job's credentials now cover
   * @throws IllegalArgumentException naming an integration that is unknown or not a registry login
   */
  List<ContainerRequest.RegistryGrant> login(List<String> integrationNames);

  /**
   * A container for a script: the image (empty for the node's default image), the user's options
   * split as a shell would, the build folder and {@code extraMounts} mounted read-write, shipctl's
   * folder read-only, and the job's registry credentials.
   */
  ContainerRequest container(
      Optional<String> imageName,
      String imageTag,
      boolean pull,
      List<String> options,
      List<Path> extraMounts);

  /** The variables the job's scripts get to point docker, podman and skopeo at its credentials. */
  Map<String, String> registryVariables();

  /**
   * A {@code secure:} value of the line (its blob as written) opened with the home's key: its
   * {@code KEY=value} pairs, every value known to the masker; or why it cannot be read.
   */
  SecureOpening openSecure(String blob);

  /** The pairs of a secure value, or why it cannot be read. */
  record SecureOpening(Map<String, String> pairs, Optional<String> unreadable) {
    public SecureOpening {
      pairs = Map.copyOf(pairs);
      java.util.Objects.requireNonNull(unreadable, "unreadable");
    }
  }

  /**
   * A setting of this node for job types, given when it started (for example {@code
   * ciImage.node_js} from {@code --ci-image node_js=IMAGE}); empty when not set.
   */
  Optional<String> nodeSetting(String name);
}
