package dev.shiprun.runner.cli;

import dev.shiprun.model.ci.RepositoryCi;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.runner.engine.gitrepo.CiRepoVersions;
import dev.shiprun.runner.git.Git;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --commit REF}: the commit the line's own runCI job builds. */
public class CommitOption {

  /** How long resolving a ref may wait for git (it reads the local repository). */
  private static final Duration GIT_LIMIT = Duration.ofSeconds(30);

  @Option(
      names = "--commit",
      paramLabel = "REF",
      description =
          "The commit the repository's runCI job builds: a SHA, branch or tag of its git."
              + " Default: the working tree's HEAD.")
  Optional<String> ref = Optional.empty();

  /**
   * The commit {@code --commit} names in the repository of {@code line}'s CI, as a SHA; empty
   * without the option.
   *
   * @throws ParameterException when the line has no CI or the ref names no commit
   */
  Optional<String> resolve(CommandSpec spec, AssemblyLine line) {
    if (ref.isEmpty()) {
      return ref;
    }
    Optional<Path> folder = line.pipeline().ci().flatMap(RepositoryCi::folder);
    if (folder.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "--commit names the commit a runCI job builds, and this line has none: give the"
              + " folder of a repository whose root shippable.yml has CI keys");
    }
    return Optional.of(
        CiRepoVersions.resolve(new Git(GIT_LIMIT), folder.get(), ref.get())
            .orElseThrow(
                () ->
                    new ParameterException(
                        spec.commandLine(),
                        "--commit '"
                            + ref.get()
                            + "' names no commit of the git repository at "
                            + folder.get()
                            + "; give a SHA, a branch or a tag of it")));
  }
}
