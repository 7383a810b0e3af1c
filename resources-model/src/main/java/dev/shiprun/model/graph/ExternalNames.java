package dev.shiprun.model.graph;

import dev.shiprun.model.HookSection;
import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.NotifyStep;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.Step;
import dev.shiprun.model.diagnostic.SourceLocation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Names a line uses but another repository defines: a Shippable subscription shared one namespace
 * across its sync repositories, so a job here may read a resource or job of a line kept elsewhere.
 * Each name keeps where it was declared ({@code --external}, or an {@code external:} item of
 * shippable.shiprun.yml), so validation, plan and run can say why it is taken on trust.
 */
public final class ExternalNames {

  /**
   * One name, where it was declared ({@code at}) and how ({@code from}, as the user wrote it).
   * {@code repository} is the directory whose shippable.shiprun.yml declared it: a definition in
   * another directory given alongside is the other repository, loaded too. Empty for {@code
   * --external}, which speaks for every PATH.
   */
  public record External(String name, String from, SourceLocation at, Optional<String> repository) {

    public External {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(repository, "repository");
    }

    /** Whether a definition in {@code file} is in the repository that says the name is not. */
    public boolean contradictedBy(String file) {
      return repository
          .map(
              r ->
                  r.equals(".")
                      ? !file.startsWith("../") && !file.startsWith("/")
                      : file.startsWith(r + "/"))
          .orElse(true);
    }
  }

  public static final ExternalNames NONE = new ExternalNames(List.of());

  private final Map<String, External> byName = new LinkedHashMap<>();

  /** The first declaration of a name wins; later ones of the same name add nothing. */
  public ExternalNames(List<External> names) {
    for (External e : names) {
      byName.putIfAbsent(e.name(), e);
    }
  }

  public boolean isEmpty() {
    return byName.isEmpty();
  }

  public boolean contains(String name) {
    return byName.containsKey(name);
  }

  public Optional<External> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Collection<External> all() {
    return byName.values();
  }

  /** These names without those {@code defined} holds: what is still to come from elsewhere. */
  public ExternalNames without(java.util.function.Predicate<String> defined) {
    return new ExternalNames(
        byName.values().stream().filter(e -> !defined.test(e.name())).toList());
  }

  /**
   * The external names {@code job} reads, writes or notifies, in the order of its steps: a job
   * cannot run without them.
   */
  public List<String> usedBy(Job job) {
    List<String> used = new ArrayList<>();
    if (byName.isEmpty()) {
      return used;
    }
    for (Step step : job.steps()) {
      if (step instanceof InStep in) {
        add(used, in.name());
      } else if (step instanceof OutStep out) {
        add(used, out.name());
      } else if (step instanceof NotifyStep notify) {
        add(used, notify.target().name());
      }
    }
    for (HookSection hook : job.hooks().sections()) {
      hook.notifications().forEach(n -> add(used, n.target().name()));
    }
    return used;
  }

  private void add(List<String> used, String name) {
    if (byName.containsKey(name) && !used.contains(name)) {
      used.add(name);
    }
  }

  /** What plan and run tell the user about a job that uses {@code names}. */
  public static String needsOtherRepository(List<String> names) {
    return "needs "
        + String.join(", ", names.stream().map(n -> "'" + n + "'").toList())
        + " from another repository; it runs only where that line is loaded too"
        + " (give both repositories' folders as PATHs)";
  }
}
