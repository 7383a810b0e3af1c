package dev.shiprun.runner.image;

import java.lang.reflect.AnnotatedElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The condition behind {@link Needs}. Missing on a developer's machine, the test is disabled with
 * the reason, before any {@code @BeforeAll} of its class: JUnit then reports each test as skipped
 * with that reason (an assumption that fails in {@code @BeforeAll} aborts the class instead, which
 * failsafe counts as no test at all). The reason is printed too, so the console says why. Under CI
 * (CI=true, where .ci/run installs it all) a missing tool fails the test, so a green CI never means
 * "not tested".
 */
final class Prerequisites implements ExecutionCondition {

  private static final List<String> SEARCH_PATH =
      List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    // A class's needs are checked on the class, a method's on the method: each once.
    Optional<AnnotatedElement> element =
        context.getTestMethod().<AnnotatedElement>map(m -> m).or(context::getTestClass);
    Optional<Needs> needs = element.flatMap(e -> AnnotationSupport.findAnnotation(e, Needs.class));
    if (needs.isEmpty()) {
      return ConditionEvaluationResult.enabled("needs nothing from the machine");
    }
    List<String> missing = missing(needs.get());
    if (missing.isEmpty()) {
      return ConditionEvaluationResult.enabled("the machine has what it needs");
    }
    String reason =
        context.getDisplayName()
            + " needs "
            + String.join(", ", missing)
            + "; "
            + needs.get().fix();
    if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(reason + " (.ci/run installs them)");
    }
    System.out.println("skipped: " + reason);
    return ConditionEvaluationResult.disabled(reason);
  }

  private static List<String> missing(Needs needs) {
    List<String> missing = new ArrayList<>();
    for (String command : needs.commands()) {
      if (!onPath(command)) {
        missing.add(command);
      }
    }
    if (needs.root() && !isRoot()) {
      missing.add("root");
    }
    return missing;
  }

  private static boolean onPath(String command) {
    return SEARCH_PATH.stream().anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
  }

  private static boolean isRoot() {
    try {
      return "0".equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString());
    } catch (Exception e) {
      return false;
    }
  }
}
