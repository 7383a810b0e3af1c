package dev.shiprun.runner.engine.job;

import dev.shiprun.model.Job;
import dev.shiprun.model.ShellWords;
import dev.shiprun.model.TaskRuntime;
import dev.shiprun.model.TaskStep;
import dev.shiprun.model.env.EnvValue;
import dev.shiprun.model.env.Envsubst;
import dev.shiprun.runner.container.ContainerExecutor;
import dev.shiprun.runner.exec.HostExecutor;
import dev.shiprun.spi.ContainerRequest;
import dev.shiprun.spi.Executor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where each script of a job runs (spec §1.3.3): the executor that runs it and, for any executor
 * but the host, the container it asks for. A TASK's own {@code runtime.container} decides; a TASK
 * that says nothing stays on the host when its job's {@code runtime.container} is false, and runs
 * in a container when it names {@code options.imageName} or its job's {@code runtime.container} is
 * true; otherwise it runs where the node's default says. A script that is not a TASK (on_start,
 * on_cancel) follows its job's {@code runtime.container}, else the node's default.
 */
final class ScriptPlacement {

  /** The tag of an image whose TASK names none (spec §1.3.3 rule 3). */
  static final String LATEST = "latest";

  /**
   * Where one script runs.
   *
   * @param container what the executor is asked for; empty on the host
   * @param where how the log says it: {@code on the host}, {@code in a container of IMAGE}
   */
  record Placement(Executor executor, Optional<ContainerRequest> container, String where) {
    Placement {
      Objects.requireNonNull(executor, "executor");
      Objects.requireNonNull(container, "container");
      Objects.requireNonNull(where, "where");
    }
  }

  /** A TASK that cannot run as written: the message is one line naming it and the fix. */
  static final class Unplaceable extends Exception {
    Unplaceable(String message) {
      super(message);
    }
  }

  private final JobPlugins plugins;
  private final NodeRuntime node;
  private final Path shipctlFolder;

  /**
   * @param shipctlFolder where shipctl is installed, mounted read-only into every container
   * @throws IllegalArgumentException when the node's default names no executor of {@code plugins}
   */
  ScriptPlacement(JobPlugins plugins, NodeRuntime node, Path shipctlFolder) {
    this.plugins = plugins;
    this.node = node;
    this.shipctlFolder = shipctlFolder;
    if (plugins.executor(node.runtimeDefault()).isEmpty()) {
      throw new IllegalArgumentException(
          "the runtime default '" + node.runtimeDefault() + "' names no executor");
    }
  }

  /**
   * The name of the executor of a script of {@code job}: {@code task} when it is a TASK's. A script
   * that asks for a container runs on {@code container}, unless the node's default is another
   * executor than the host (a plugin's, which may run containers elsewhere): then on that one.
   */
  static String executorName(Job job, Optional<TaskStep> task, String nodeDefault) {
    String inContainer =
        nodeDefault.equals(HostExecutor.NAME) ? ContainerExecutor.NAME : nodeDefault;
    Optional<Boolean> jobContainer = job.header().runtime().container();
    if (task.isPresent()) {
      TaskRuntime runtime = task.get().runtime();
      if (runtime.container().isPresent()) {
        return runtime.container().get() ? inContainer : HostExecutor.NAME;
      }
      if (jobContainer.isEmpty() && runtime.imageName().isPresent()) {
        return inContainer;
      }
    }
    return jobContainer.map(c -> c ? inContainer : HostExecutor.NAME).orElse(nodeDefault);
  }

  /**
   * Where a TASK runs, its image expanded from {@code variables} (the job's).
   *
   * @param title how the log names the TASK
   * @throws Unplaceable when its image name is empty once expanded, or its options cannot be split
   */
  Placement task(
      Job job, TaskStep task, String title, Map<String, String> variables, BuildFolder folder)
      throws Unplaceable {
    String name = executorName(job, Optional.of(task), node.runtimeDefault());
    if (name.equals(HostExecutor.NAME)) {
      return host();
    }
    TaskRuntime runtime = task.runtime();
    Optional<String> imageName = Optional.empty();
    String imageTag = LATEST;
    if (runtime.imageName().isPresent()) {
      String expanded = expand(runtime.imageName().get(), variables);
      if (expanded.isEmpty()) {
        throw new Unplaceable(
            "TASK '"
                + title
                + "': runtime.options.imageName '"
                + runtime.imageName().get()
                + "' is empty once the job's variables are expanded; set the variables it names,"
                + " or name the image");
      }
      imageName = Optional.of(expanded);
      imageTag =
          runtime
              .imageTag()
              .map(t -> expand(t, variables))
              .filter(t -> !t.isEmpty())
              .orElse(LATEST);
    }
    List<String> options;
    try {
      options = runtime.options().map(ScriptPlacement::splitOptions).orElse(List.of());
    } catch (IllegalArgumentException e) {
      throw new Unplaceable(
          "TASK '"
              + title
              + "': runtime.options.options cannot be split as a shell would: "
              + e.getMessage()
              + "; close the quote or escape it");
    }
    return inContainer(name, imageName, imageTag, runtime.pull(), options, folder);
  }

  /** Where a script that is not a TASK (on_start, on_cancel) runs. */
  Placement hook(Job job, BuildFolder folder) {
    String name = executorName(job, Optional.empty(), node.runtimeDefault());
    if (name.equals(HostExecutor.NAME)) {
      return host();
    }
    return inContainer(name, Optional.empty(), LATEST, true, List.of(), folder);
  }

  private Placement host() {
    return new Placement(
        plugins.executor(HostExecutor.NAME).orElseThrow(), Optional.empty(), "on the host");
  }

  private Placement inContainer(
      String executorName,
      Optional<String> imageName,
      String imageTag,
      boolean pull,
      List<String> options,
      BuildFolder folder) {
    Executor executor = executor(executorName);
    ContainerRequest request =
        request(
            imageName,
            imageTag,
            pull,
            options,
            List.of(folder.workspace().root()),
            folder.grants(),
            folder.hasRegistryAccess()
                ? Optional.of(RegistryAccess.file(folder.workspace()))
                : Optional.empty());
    String where =
        executorName.equals(ContainerExecutor.NAME)
            ? "in a container of " + image(imageName, imageTag)
            : "on executor '" + executorName + "', image " + image(imageName, imageTag);
    return new Placement(executor, Optional.of(request), where);
  }

  /** The image a container of {@code imageName} runs, the node's default when empty. */
  String image(Optional<String> imageName, String imageTag) {
    return imageName.map(n -> n + ":" + imageTag).orElse(node.defaultImage());
  }

  /**
   * The executor of a script that asks for a container: {@code container}, or the node's default
   * when that is a plugin executor.
   */
  Executor containerExecutor() {
    return executor(
        node.runtimeDefault().equals(HostExecutor.NAME)
            ? ContainerExecutor.NAME
            : node.runtimeDefault());
  }

  private Executor executor(String name) {
    return plugins
        .executor(name)
        .orElseThrow(() -> new IllegalStateException("no executor named '" + name + "' here"));
  }

  /**
   * A container of {@code imageName} with {@code mounts} read-write, shipctl's folder read-only and
   * the registry logins of {@code grants} (a later login wins its registry, as in the file).
   */
  ContainerRequest request(
      Optional<String> imageName,
      String imageTag,
      boolean pull,
      List<String> options,
      List<Path> mounts,
      List<RegistryAccess.Grant> grants,
      Optional<Path> authFile) {
    return new ContainerRequest(
        imageName,
        imageTag,
        pull,
        options,
        mounts,
        List.of(shipctlFolder),
        authFile,
        registries(grants));
  }

  /** The registries {@code grants} cover: a later login wins its registry, as in the file. */
  static List<ContainerRequest.RegistryGrant> registries(List<RegistryAccess.Grant> grants) {
    Map<String, ContainerRequest.RegistryGrant> registries = new LinkedHashMap<>();
    for (RegistryAccess.Grant grant : grants) {
      ContainerRequest.RegistryGrant granted = grant.forContainer();
      registries.remove(granted.registry());
      registries.put(granted.registry(), granted);
    }
    return new ArrayList<>(registries.values());
  }

  /** {@code $NAME} and {@code ${NAME}} replaced as bash would: an unknown name becomes empty. */
  private static String expand(String text, Map<String, String> variables) {
    EnvValue value =
        Envsubst.apply(
            text, name -> Optional.ofNullable(variables.get(name)).map(EnvValue.Plain::new));
    return ((EnvValue.Plain) value).text().strip();
  }

  /**
   * A TASK's {@code options.options} split into words as a shell would ({@link ShellWords}); the
   * parser reports a line that cannot be split, so this refuses it only for a line it never saw.
   *
   * @throws IllegalArgumentException for an unclosed quote or a trailing backslash
   */
  static List<String> splitOptions(String text) {
    ShellWords.Result split = ShellWords.split(text);
    if (split instanceof ShellWords.Unclosed unclosed) {
      throw new IllegalArgumentException(
          "the " + unclosed.what() + " at offset " + unclosed.offset() + " is not closed");
    }
    return ((ShellWords.Words) split).words();
  }
}
