package dev.shiprun.runner.doctor;

import dev.shiprun.runner.exec.ProgramPath;
import java.util.List;

/**
 * The programs jobs call through shipctl and gitRepo resources, looked up on the PATH jobs get (the
 * caller's). A missing one is a warning: only the jobs that use it fail.
 */
final class ToolChecks {

  /**
   * A program, who needs it, and the Debian package that has it.
   *
   * @param why who needs it, for the line
   */
  private record Tool(String program, String why, String debianPackage) {}

  private static final List<Tool> TOOLS =
      List.of(
          new Tool("jq", "shipctl's JSON commands need it", "jq"),
          new Tool("git", "gitRepo resources and shipctl get_git_changes need it", "git"),
          new Tool("curl", "shipctl notify needs it", "curl"),
          new Tool("openssl", "shipctl decrypt needs it", "openssl"),
          new Tool("envsubst", "shipctl replace needs it", "gettext-base"));

  private final ProgramPath path;

  ToolChecks(ProgramPath path) {
    this.path = path;
  }

  List<Check> checks() {
    return TOOLS.stream().map(this::check).toList();
  }

  private Check check(Tool tool) {
    return path.find(tool.program())
        .map(p -> Check.ok(tool.program(), p.toString()))
        .orElse(
            Check.warn(
                tool.program(),
                "not found on the PATH (" + tool.why() + ")",
                "apt-get install " + tool.debianPackage()));
  }
}
