package dev.shiprun.runner.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --repo-name NAME}: the name of the repository whose shippable.yml has CI keys. */
public class RepoNameOption {

  @Option(
      names = "--repo-name",
      paramLabel = "NAME",
      description =
          "Name of the repository whose root shippable.yml has CI keys: its runCI job is"
              + " NAME_runCI, its ciRepo NAME_ciRepo. Default: the git remote origin's last path"
              + " part without .git, else the folder's name.")
  Optional<String> name = Optional.empty();
}
