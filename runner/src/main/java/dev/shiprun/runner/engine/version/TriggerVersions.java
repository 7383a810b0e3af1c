package dev.shiprun.runner.engine.version;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.TriggerResource;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.runner.resource.ResourceTypes;
import dev.shiprun.runner.store.NewVersion;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.StoredVersion;
import dev.shiprun.runner.store.VersionKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * New versions of a trigger resource (spec §1.4, 3): a user triggers it ({@code shiprun trigger},
 * the daemon's API), and its next version, which the jobs that read it then run with, is posted.
 * Each version holds a {@code counter}, one above the last, and the user's {@code message} if they
 * gave one; its versionName is the message, else the counter.
 */
public final class TriggerVersions {

  private final YamlVersions yaml;

  public TriggerVersions(ObjectMapper json, ResourceTypes types) {
    this.yaml = new YamlVersions(json, types);
  }

  /**
   * Posts the trigger's next version. The YAML's own versions of the line are posted first, so a
   * YAML change made before the trigger does not land after it and hide it from the jobs.
   */
  public StoredVersion fire(
      Connection c,
      Store store,
      String line,
      AssemblyLine assemblyLine,
      TriggerResource trigger,
      Optional<String> message)
      throws SQLException {
    yaml.sync(c, store, line, assemblyLine);
    message = message.filter(m -> !m.isBlank());
    long counter = counter(store.versions().latest(c, line, trigger.name())) + 1;
    Map<String, Object> bag = new LinkedHashMap<>();
    bag.put("yml", trigger.yml());
    bag.put("counter", counter);
    message.ifPresent(m -> bag.put("message", m));
    return store
        .versions()
        .post(
            c,
            new NewVersion(
                line,
                trigger.name(),
                VersionKind.RESOURCE,
                Optional.of(message.orElse(Long.toString(counter))),
                bag,
                Optional.empty(),
                OptionalLong.empty()));
  }

  /**
   * The jobs a new version of {@code trigger} starts: those that read it with {@code switch} on, in
   * the line's order.
   */
  public static List<Job> readers(AssemblyLine line, String trigger) {
    List<Job> out = new ArrayList<>();
    for (Job job : line.triggeredByResource(trigger)) {
      if (through(job, trigger).isPresent()) {
        out.add(job);
      }
    }
    return out;
  }

  /** The IN through which a new version of {@code trigger} triggers {@code job}, if it does. */
  public static Optional<InStep> through(Job job, String trigger) {
    return job.ins().stream().filter(in -> in.name().equals(trigger) && in.switchOn()).findFirst();
  }

  /** The counter of the last version, 0 when there is none or it holds no whole number. */
  private static long counter(Optional<StoredVersion> last) {
    Object value = last.map(v -> v.propertyBag().get("counter")).orElse(null);
    if (value instanceof Number n) {
      return n.longValue();
    }
    try {
      return value == null ? 0 : Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
