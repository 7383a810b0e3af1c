package dev.shiprun.runner.daemon.work;

import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.model.parse.PipelineFile;
import dev.shiprun.model.validate.Validation;
import dev.shiprun.runner.store.LineSource;
import dev.shiprun.runner.store.Store;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The assembly lines a daemon holds (the store's {@code line_source}), loaded and validated the way
 * {@code shiprun validate} does it. An uploaded line is parsed once per upload; a line that is a
 * path on the node is read again at every use, so an edit there counts from the next run.
 */
public final class DaemonLines implements QueueWorkers.Lines {

  private record Parsed(Instant updatedAt, Validation validation) {}

  private final Store store;
  private final AssemblyLineLoader loader;
  private final UnaryOperator<Validation> secureValues;
  private final Map<String, Parsed> uploaded = new ConcurrentHashMap<>();

  public DaemonLines(Store store, AssemblyLineLoader loader) {
    this(store, loader, UnaryOperator.identity());
  }

  /**
   * @param secureValues the step after loading that checks the line's shiprun {@code secure:}
   *     values against the home's key, as {@code shiprun validate} does
   */
  public DaemonLines(
      Store store, AssemblyLineLoader loader, UnaryOperator<Validation> secureValues) {
    this.store = store;
    this.loader = loader;
    this.secureValues = secureValues;
  }

  /** Loads and validates {@code source} without keeping it. */
  public Validation validate(LineSource source) {
    return secureValues.apply(read(source));
  }

  private Validation read(LineSource source) {
    if (source.path().isPresent()) {
      return loader.load(List.of(source.path().get()));
    }
    Diagnostics none = new Diagnostics();
    List<PipelineFile> files =
        source.files().entrySet().stream()
            .map(e -> new PipelineFile(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8)))
            .toList();
    return loader.load(files, none);
  }

  public Optional<LineSource> source(String name) {
    return store.transaction(c -> store.lines().get(c, name));
  }

  /** Every line the daemon holds, by name. */
  public List<LineSource> list() {
    return store.transaction(c -> store.lines().list(c));
  }

  /** Stores {@code source} (validated by the caller), replacing its name's; true when new. */
  public boolean put(LineSource source) {
    boolean created = store.transaction(c -> store.lines().put(c, source));
    uploaded.remove(source.name());
    return created;
  }

  /** Forgets the line; its versions and runs stay, as history. False when there was none. */
  public boolean delete(String name) {
    boolean deleted = store.transaction(c -> store.lines().delete(c, name));
    uploaded.remove(name);
    return deleted;
  }

  /** The line as it is now: validated (uploaded lines from the cache), or empty when unknown. */
  public Optional<Validation> load(String name) {
    Parsed cached = uploaded.get(name);
    if (cached != null) {
      // Every trigger and every run asks: the stamp alone says whether the parsed copy holds.
      Optional<Instant> stored = store.transaction(c -> store.lines().updatedAt(c, name));
      if (stored.isPresent() && stored.get().equals(cached.updatedAt())) {
        return Optional.of(cached.validation());
      }
    }
    Optional<LineSource> source = source(name);
    if (source.isEmpty()) {
      uploaded.remove(name);
      return Optional.empty();
    }
    return Optional.of(load(source.get()));
  }

  /** {@code s} validated: a path on the node read now, uploaded files parsed once per upload. */
  public Validation load(LineSource s) {
    if (s.path().isPresent()) {
      return validate(s);
    }
    Parsed cached = uploaded.get(s.name());
    if (cached == null || !cached.updatedAt().equals(s.updatedAt())) {
      cached = new Parsed(s.updatedAt(), validate(s));
      uploaded.put(s.name(), cached);
    }
    return cached.validation();
  }

  @Override
  public Result resolve(String line) {
    Optional<Validation> loaded = load(line);
    if (loaded.isEmpty()) {
      return new Result(Optional.empty(), "the daemon holds no line named '" + line + "'");
    }
    Optional<AssemblyLine> valid = loaded.get().valid().map(v -> v.line());
    return new Result(
        valid,
        valid.isPresent()
            ? ""
            : "the line is no longer valid ("
                + loaded.get().summary()
                + "); fix its files and PUT it again");
  }
}
