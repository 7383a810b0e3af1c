package dev.shiprun.runner.engine.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.container.ContainerExecutor;
import dev.shiprun.runner.container.ContainerSettings;
import dev.shiprun.runner.engine.gitrepo.CiRepoVersions;
import dev.shiprun.runner.engine.gitrepo.GitRepoClone;
import dev.shiprun.runner.engine.gitrepo.GitRepoVersions;
import dev.shiprun.runner.engine.job.EngineSettings;
import dev.shiprun.runner.engine.job.JobPlugins;
import dev.shiprun.runner.engine.job.JobRunner;
import dev.shiprun.runner.engine.job.NodeRuntime;
import dev.shiprun.runner.engine.version.YamlVersions;
import dev.shiprun.runner.engine.workspace.Shipctl;
import dev.shiprun.runner.engine.workspace.Workspace;
import dev.shiprun.runner.engine.workspace.WorkspaceJanitor;
import dev.shiprun.runner.exec.ExecOptions;
import dev.shiprun.runner.exec.HostExecutor;
import dev.shiprun.runner.exec.KillReport;
import dev.shiprun.runner.exec.ProcessLauncher;
import dev.shiprun.runner.exec.ProcessTreeKiller;
import dev.shiprun.runner.exec.RunToken;
import dev.shiprun.runner.git.Git;
import dev.shiprun.runner.git.GitMirrors;
import dev.shiprun.runner.plugin.Plugins;
import dev.shiprun.runner.resource.ResourceTypes;
import dev.shiprun.runner.store.Run;
import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.runner.store.Store;
import dev.shiprun.spi.Executor;
import dev.shiprun.spi.JobType;
import dev.shiprun.spi.Notifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * What runs jobs on one home, made once and kept while the home is open (one {@code shiprun run},
 * or a daemon for as long as it serves): the job runner with its launcher and output threads, the
 * build-folder janitor, the installed shipctl, the git mirrors, and the threads jobs run on. A
 * {@link LineRunner} per invocation or request runs on it. Making all this for every daemon request
 * cost a janitor thread, a job thread, two output threads, the shipctl check and a PATH search per
 * request (docs/benchmarks.md, the daemon's drain). Thread-safe: lines run side by side on one
 * engine. {@link #close} waits for the janitor, so no build folder outlives it.
 */
public final class Engine implements AutoCloseable {

  /** How long one git command (a fetch, a clone) may take before it is stopped. */
  private static final Duration GIT_LIMIT = Duration.ofMinutes(10);

  private final Store store;
  private final EngineSettings settings;
  private final ProcessLauncher launcher;
  private final String scope;
  private final Path builds;
  private final YamlVersions yamlVersions;
  private final GitRepoVersions gitRepoVersions;
  private final CiRepoVersions ciRepoVersions;
  private final WorkspaceJanitor janitor;
  private final JobRunner jobRunner;
  private final LineLocks lineLocks;
  private final ResourceTypes types;

  /** Job threads, kept a while for the next job, then ended (each run limits its own share). */
  private final ExecutorService jobThreads =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "shiprun-job");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * The engine of one home, as both front ends make it: its scripts run on this host ({@code
   * host}), in containers ({@code container}) or on an executor of {@code plugins}, as each script
   * and the settings' runtime say, with the job types and notifiers found on {@code plugins}.
   *
   * @param exec where bash and setsid are, and the containment setting
   * @param killed told how many processes each kill of a run's processes stopped
   * @throws IllegalArgumentException when the settings' runtime default names none of {@link
   *     #executorNames} (a front end refuses it first)
   */
  public static Engine open(
      Store store, EngineSettings settings, ExecOptions exec, IntConsumer killed, Plugins plugins) {
    ProcessLauncher launcher =
        new ProcessLauncher(exec, new ProcessTreeKiller(settings.grace(), killed));
    launcher.findAhead(); // while the store and the plan are read
    NodeRuntime runtime = settings.runtime();
    ContainerExecutor container =
        new ContainerExecutor(
            new ContainerSettings(
                runtime.containerCli(),
                runtime.defaultImage(),
                settings.grace(),
                runtime.engineEnvironment()));
    return new Engine(
        store,
        settings,
        launcher,
        new ObjectMapper(),
        plugins.resourceTypes(),
        new JobPlugins(
            plugins.of(JobType.class),
            Stream.concat(
                    Stream.of(new HostExecutor(launcher), container),
                    plugins.of(Executor.class).stream())
                .toList(),
            plugins.of(Notifier.class)));
  }

  /** The names of the executors an engine opened with {@code plugins} has, in that order. */
  public static List<String> executorNames(Plugins plugins) {
    return Stream.concat(
            Stream.of(HostExecutor.NAME, ContainerExecutor.NAME),
            plugins.of(Executor.class).stream().map(Executor::name))
        .toList();
  }

  private Engine(
      Store store,
      EngineSettings settings,
      ProcessLauncher launcher,
      ObjectMapper json,
      ResourceTypes types,
      JobPlugins plugins) {
    this.store = store;
    this.settings = settings;
    this.launcher = launcher;
    this.scope = RunToken.scope(settings.home());
    this.builds = settings.home().resolve("builds");
    this.types = types;
    this.yamlVersions = new YamlVersions(json, types);
    this.janitor = new WorkspaceJanitor(builds);
    this.lineLocks = new LineLocks(settings.home(), store);
    Git git = new Git(GIT_LIMIT);
    GitMirrors mirrors = new GitMirrors(settings.home().resolve("git"), git);
    this.gitRepoVersions = new GitRepoVersions(mirrors);
    this.ciRepoVersions = new CiRepoVersions(git, mirrors);
    this.jobRunner =
        new JobRunner(
            store,
            settings,
            plugins,
            json,
            new Shipctl().install(settings.home().resolve("bin")),
            janitor,
            new GitRepoClone(mirrors, git),
            types);
  }

  Store store() {
    return store;
  }

  EngineSettings settings() {
    return settings;
  }

  /** The resource types the engine asks about each resource. */
  ResourceTypes types() {
    return types;
  }

  YamlVersions yamlVersions() {
    return yamlVersions;
  }

  GitRepoVersions gitRepoVersions() {
    return gitRepoVersions;
  }

  CiRepoVersions ciRepoVersions() {
    return ciRepoVersions;
  }

  JobRunner jobRunner() {
    return jobRunner;
  }

  LineLocks lineLocks() {
    return lineLocks;
  }

  ExecutorService jobThreads() {
    return jobThreads;
  }

  /**
   * What runs a dead shiprun left (marked interrupted by whichever command opened the store first):
   * their processes, which live on in their own sessions, and their build folders, which may hold
   * integration files and the job's registry credentials. Neither may outlive the run. Crashes are
   * rare: one query and a check per interrupted run; a folder that is still there means its run's
   * processes may be too. Runs become interrupted only when a store opens, so a caller does this
   * once after opening it (the CLI per command, the daemon at its start), not per line run.
   *
   * @param notes told what was found and could not be removed
   */
  public void removeLeftovers(Consumer<String> notes) {
    for (Run r : store.transaction(c -> store.runs().withStatus(c, RunStatus.INTERRUPTED))) {
      Path root =
          builds.resolve(r.line()).resolve(r.job()).resolve(Integer.toString(r.buildNumber()));
      if (Files.exists(root)) {
        KillReport killed = launcher.sweepRun(scope, r.id());
        if (!killed.killed().isEmpty() || !killed.survivors().isEmpty()) {
          notes.accept(
              "interrupted run "
                  + r.id()
                  + " left "
                  + killed.killed().size()
                  + " processes running: killed"
                  + (killed.survivors().isEmpty()
                      ? ""
                      : "; " + killed.survivors().size() + " would not die"));
        }
        try {
          Workspace.deleteTree(root);
        } catch (IOException e) {
          notes.accept(
              "cannot remove " + root + " of interrupted run " + r.id() + ": " + e.getMessage());
        }
      }
    }
  }

  /**
   * Waits until every finished build folder is emptied or gone, then ends the job threads (every
   * line run on this engine has returned by now).
   */
  @Override
  public void close() {
    janitor.awaitDeletions();
    jobThreads.shutdownNow();
    lineLocks.close();
    launcher.close();
  }
}
