package dev.shiprun.model.parse;

import java.util.Set;

/** The words of the Assembly Lines YAML that the parser recognises. */
final class Vocabulary {

  private Vocabulary() {}

  static final Set<String> TOP_LEVEL = Set.of("resources", "jobs", "triggers", "templates");

  /** Keys of the CI part of shippable.yml (spec §2): read by runCI, not by the assembly line. */
  static final Set<String> CI_KEYS =
      Set.of(
          "language",
          "build",
          "env",
          "matrix",
          "integrations",
          "services",
          "branches",
          "depth",
          "gitConfig",
          "git",
          "runtime",
          "node_js",
          "python",
          "java",
          "jdk",
          "ruby",
          "rvm",
          "go",
          "php",
          "scala",
          "clojure",
          "gemfile",
          "lein",
          "addons",
          "before_install",
          "install",
          "script",
          "after_success",
          "after_failure",
          "cache",
          "notifications",
          "compiler",
          "os",
          "dist",
          "sudo",
          "c",
          "cpp");

  static final Set<String> RESOURCE_KEYS =
      Set.of(
          "name",
          "type",
          "integration",
          "integrationName",
          "pointer",
          "seed",
          "version",
          "versionTemplate",
          "flags");

  /** Resource types of spec §1.2. Those without a model class of their own are kept generic. */
  static final Set<String> RESOURCE_TYPES =
      Set.of(
          "ciRepo",
          "cliConfig",
          "cluster",
          "dockerOptions",
          "file",
          "gitRepo",
          "image",
          "integration",
          "loadBalancer",
          "notification",
          "params",
          "replicas",
          "state",
          "syncRepo",
          "time",
          "version",
          "trigger",
          "webhook",
          "externalCIServer");

  static final Set<String> JOB_KEYS =
      Set.of(
          "name",
          "type",
          "triggerMode",
          "dependencyMode",
          "priority",
          "allowPublicAccess",
          "runtime",
          "integrations",
          "on_start",
          "steps",
          "on_success",
          "on_failure",
          "on_cancel",
          "always",
          "flags");

  /** Job types shiprun runs; runCLI, the deprecated runSh with cliConfig, runs as runSh. */
  static final Set<String> RUNNABLE_JOB_TYPES = Set.of("runSh", "runCI", "runCLI");

  static final Set<String> JOB_RUNTIME_KEYS = Set.of("nodePool", "container", "timeoutMinutes");

  static final Set<String> STEP_KINDS = Set.of("IN", "OUT", "TASK", "NOTIFY");

  static final Set<String> IN_KEYS =
      Set.of(
          "IN",
          "switch",
          "versionName",
          "versionNumber",
          "showBuildStatus",
          "scopes",
          "pull",
          "dependencyMode",
          "applyTo",
          "force",
          "deployName");

  static final Set<String> OUT_KEYS =
      Set.of("OUT", "replicate", "replicateOnPullRequest", "overwrite", "on_failure");

  static final Set<String> TASK_KEYS = Set.of("name", "script", "runtime");

  static final Set<String> TASK_RUNTIME_KEYS = Set.of("container", "options");

  static final Set<String> TASK_OPTIONS_KEYS =
      Set.of("imageName", "imageTag", "pull", "options", "env");

  static final Set<String> HOOK_KEYS = Set.of("script", "NOTIFY");
}
