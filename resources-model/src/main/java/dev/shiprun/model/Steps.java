package dev.shiprun.model;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A job's steps in YAML order, immutable, with the IN, OUT and TASK steps picked out once: planning
 * and validation ask for them about fifteen times per job, and filtering on each call shows in the
 * row "parse+validate+plan" (docs/benchmarks.md, "Speed tricks and the rows they serve"). {@code
 * StepsTest} checks it against that filter.
 */
final class Steps extends AbstractList<Step> implements RandomAccess {

  private final List<Step> all;
  private final List<InStep> ins;
  private final List<OutStep> outs;
  private final List<TaskStep> tasks;

  private Steps(List<Step> all) {
    this.all = all;
    this.ins = only(all, InStep.class);
    this.outs = only(all, OutStep.class);
    this.tasks = only(all, TaskStep.class);
  }

  /** An immutable copy of {@code steps} (the same object when it already is one). */
  static List<Step> of(List<Step> steps) {
    return steps instanceof Steps s ? s : new Steps(List.copyOf(steps));
  }

  static <S extends Step> List<S> only(List<Step> steps, Class<S> kind) {
    List<S> matching = new ArrayList<>(steps.size());
    for (Step step : steps) {
      if (kind.isInstance(step)) {
        matching.add(kind.cast(step));
      }
    }
    // Compact and immutable: three of these per job live as long as the line, and most hold one
    // or two steps (a list of two is one small object, not a list, an array and a wrapper).
    return List.copyOf(matching);
  }

  List<InStep> ins() {
    return ins;
  }

  List<OutStep> outs() {
    return outs;
  }

  List<TaskStep> tasks() {
    return tasks;
  }

  @Override
  public Step get(int index) {
    return all.get(index);
  }

  @Override
  public int size() {
    return all.size();
  }
}
