package dev.shiprun.spi;

/**
 * What every plugin implements: its name within its kind. The name is what a pipeline or a node's
 * settings use to choose it: a resource's {@code type:}, a job's {@code type:}, an executor's name,
 * a NOTIFY method. Two plugins of one kind may not share a name.
 */
public interface Plugin {

  /** The name the YAML or the settings use, e.g. {@code gitRepo}, {@code runSh}, {@code host}. */
  String name();
}
