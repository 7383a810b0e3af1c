package dev.shiprun.model.parse;

import java.util.List;
import java.util.Set;

/** The words of the Assembly Lines YAML that the parser recognises. */
final class Vocabulary {

  private Vocabulary() {}

  static final Set<String> TOP_LEVEL = Set.of("resources", "jobs", "triggers", "templates");

  /**
   * Keys of the CI part of shippable.yml (spec §2): read by runCI, not by the assembly line.
   * Besides Shippable's own, the keys its CI took from a .travis.yml (it read Travis files and
   * translated the old build phases into 'build:'), and its older keys (build_image,
   * commit_container, archive).
   */
  static final Set<String> CI_KEYS =
      Set.of(
          // Shippable's CI
          "language",
          "runtime",
          "build",
          "env",
          "matrix",
          "integrations",
          "services",
          "branches",
          "depth",
          "gitConfig",
          "git",
          "vote",
          "os",
          // older Shippable CI
          "build_image",
          "commit_container",
          "archive",
          // Travis build phases
          "before_install",
          "install",
          "before_script",
          "script",
          "after_script",
          "after_success",
          "after_failure",
          "before_cache",
          "before_deploy",
          "deploy",
          "after_deploy",
          // Travis environment and options
          "addons",
          "cache",
          "notifications",
          "dist",
          "sudo",
          "group",
          "arch",
          "stages",
          "import",
          "compiler",
          "bundler_args",
          "gemfile",
          "go_import_path",
          "osx_image",
          "xcode_project",
          "xcode_workspace",
          "xcode_scheme",
          "xcode_sdk",
          "xcode_destination",
          "podfile",
          // language runtimes
          "node_js",
          "node",
          "python",
          "java",
          "jdk",
          "ruby",
          "rvm",
          "go",
          "php",
          "scala",
          "clojure",
          "lein",
          "android",
          "otp_release",
          "elixir",
          "perl",
          "haskell",
          "ghc",
          "dart",
          "rust",
          "d",
          "crystal",
          "julia",
          "r",
          "mono",
          "solution",
          "dotnet",
          "smalltalk",
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

  /** Every key of the assembly-line vocabulary, to tell a misplaced key from a command. */
  private static final Set<String> KEYWORDS = keywords();

  private static Set<String> keywords() {
    java.util.Set<String> all = new java.util.HashSet<>();
    for (Set<String> words :
        List.of(
            TOP_LEVEL,
            RESOURCE_KEYS,
            JOB_KEYS,
            JOB_RUNTIME_KEYS,
            STEP_KINDS,
            IN_KEYS,
            OUT_KEYS,
            TASK_KEYS,
            TASK_RUNTIME_KEYS,
            TASK_OPTIONS_KEYS,
            HOOK_KEYS)) {
      all.addAll(words);
    }
    return Set.copyOf(all);
  }

  static boolean isKeyword(String key) {
    return KEYWORDS.contains(key);
  }
}
