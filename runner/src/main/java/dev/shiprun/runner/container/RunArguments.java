package dev.shiprun.runner.container;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The arguments of the {@code run} command that starts a script's container: never a pull of its
 * own (the image was pulled with the job's credentials, or the TASK said not to), removed when it
 * ends, named so that it can be stopped, the environment from a file and by name (no value on the
 * command line), the folders at the same paths, the working folder, the user's options before the
 * image (where Shippable put them), then bash running the script's wrapper.
 *
 * @param name the container's name
 * @param idFile where the engine writes the container's ID
 * @param runMark the label that finds the containers of one run
 * @param environment the env file and the names passed by name
 * @param mounts mounted read-write at the same path
 * @param readOnlyMounts mounted read-only at the same path
 * @param workingFolder where the script starts
 * @param options the user's options, already split
 * @param image the image
 * @param wrapper the script bash runs
 */
public record RunArguments(
    String name,
    Path idFile,
    String runMark,
    EnvironmentFile environment,
    List<Path> mounts,
    List<Path> readOnlyMounts,
    Path workingFolder,
    List<String> options,
    ImageReference image,
    Path wrapper) {

  /** The label every container of shiprun carries, valued with the run's mark. */
  public static final String RUN_LABEL = "dev.shiprun.run";

  public RunArguments {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(idFile, "idFile");
    Objects.requireNonNull(runMark, "runMark");
    Objects.requireNonNull(environment, "environment");
    mounts = List.copyOf(mounts);
    readOnlyMounts = List.copyOf(readOnlyMounts);
    Objects.requireNonNull(workingFolder, "workingFolder");
    options = List.copyOf(options);
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(wrapper, "wrapper");
  }

  /** Everything after the container command itself, starting with {@code run}. */
  public List<String> toList() {
    List<String> args = new ArrayList<>();
    args.addAll(List.of("run", "--pull=never", "--rm", "--name", name));
    args.addAll(List.of("--cidfile", idFile.toString()));
    args.addAll(List.of("--label", RUN_LABEL + "=" + runMark));
    args.addAll(List.of("--env-file", environment.file().toString()));
    for (String variable : environment.names()) {
      args.addAll(List.of("--env", variable));
    }
    for (Path mount : mounts) {
      args.addAll(List.of("-v", mount + ":" + mount));
    }
    for (Path mount : readOnlyMounts) {
      args.addAll(List.of("-v", mount + ":" + mount + ":ro"));
    }
    args.addAll(List.of("-w", workingFolder.toString()));
    args.addAll(options);
    args.add(image.value());
    args.addAll(List.of("bash", wrapper.toString()));
    return args;
  }
}
