package dev.shiprun.runner.daemon.work;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.engine.event.JobResult;
import dev.shiprun.runner.engine.event.RunEvent;
import dev.shiprun.runner.engine.event.RunListener;
import dev.shiprun.runner.store.Run;
import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.runner.store.StoredVersion;
import dev.shiprun.runner.store.VersionKind;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What happens on each line of this daemon, for the followers of a line (event streams): a run is
 * queued, begins or ends ({@code job}), a run posts a version of a resource ({@code version}), a
 * step begins or ends ({@code step}). It hears the engine as a {@link RunListener} and the queue
 * from {@link DaemonRuns}; each event is written as JSON once, then handed to the line's followers,
 * which only queue it: nothing here waits for a client.
 */
public final class LineEvents implements RunListener {

  /** A client following a line. Called under this hub's lock: never block. */
  public interface Follower {
    /** Sends event {@code name} with JSON {@code data}; false when the client has gone. */
    boolean send(String name, String data);

    /** Sends a comment that keeps the connection open; false when the client has gone. */
    boolean keepAlive();
  }

  /** A run of a line queued, begun or ended. Times are null until they are known. */
  @RegisterForReflection // Jackson reads or writes it; a native image needs it declared
  public record JobEvent(
      String job,
      long runId,
      int buildNumber,
      String status,
      String triggeredBy,
      String startedAt,
      String finishedAt) {}

  /** A version of a resource of the line that a run posted. */
  @RegisterForReflection // Jackson reads or writes it; a native image needs it declared
  public record VersionEvent(String resource, int number, String versionName) {}

  /** A step of a run began ({@code processing}, no duration yet) or ended. */
  @RegisterForReflection // Jackson reads or writes it; a native image needs it declared
  public record StepEvent(long runId, String job, StepView step) {}

  /** What is known of a run of this daemon between its queueing (or start) and its end. */
  private record Known(
      String line, String job, int buildNumber, String triggeredBy, String startedAt) {}

  private final ObjectMapper json;
  private final Map<String, List<Follower>> followers = new HashMap<>();
  private final Map<Long, Known> runs = new HashMap<>();
  private ScheduledExecutorService ticker;

  public LineEvents(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public synchronized void on(RunEvent event) {
    if (event instanceof RunEvent.JobStarted s) {
      Known known =
          new Known(s.line(), s.job(), s.buildNumber(), s.triggeredBy(), s.startedAt().toString());
      runs.put(s.runId(), known);
      job(s.runId(), known, RunStatus.PROCESSING.wire(), null);
    } else if (event instanceof RunEvent.TaskStarted t) {
      Known known = runs.get(t.runId());
      if (known != null) {
        publish(
            known.line(),
            "step",
            new StepEvent(
                t.runId(), t.job(), StepView.processing(t.task(), t.kind(), t.startedAt())));
      }
    } else if (event instanceof RunEvent.TaskEnded t) {
      Known known = runs.get(t.runId());
      if (known != null) {
        publish(known.line(), "step", new StepEvent(t.runId(), t.job(), StepView.of(t.step())));
      }
    } else if (event instanceof RunEvent.VersionsPosted v) {
      Known known = runs.get(v.runId());
      if (known != null) {
        for (StoredVersion version : v.versions()) {
          if (version.kind() == VersionKind.RESOURCE) {
            publish(
                known.line(),
                "version",
                new VersionEvent(
                    version.name(), version.number(), version.versionName().orElse(null)));
          }
        }
      }
    } else if (event instanceof RunEvent.JobEnded e) {
      Known known = runs.remove(e.runId());
      if (known != null) {
        // No result: the run broke off, or its request could not run; the store says error.
        String status = e.result().map(JobResult::status).orElse(RunStatus.ERROR).wire();
        job(e.runId(), known, status, Instant.now().toString());
      }
    }
  }

  /** Log lines are not line events: the engine does not hand them here (nor take this lock). */
  @Override
  public boolean showsLines() {
    return false;
  }

  /** Run {@code run} was queued (a trigger, a new version, a webhook). */
  public synchronized void queued(Run run) {
    if (runs.containsKey(run.id())) {
      return; // a worker began it already, between the queue's commit and this call
    }
    Known known = new Known(run.line(), run.job(), run.buildNumber(), run.triggeredBy(), null);
    runs.put(run.id(), known);
    job(run.id(), known, RunStatus.QUEUED.wire(), null);
  }

  /** Queued run {@code run} was cancelled before it began. */
  public synchronized void cancelledQueued(Run run) {
    runs.remove(run.id());
    job(
        run.id(),
        new Known(run.line(), run.job(), run.buildNumber(), run.triggeredBy(), null),
        RunStatus.CANCELLED.wire(),
        Instant.now().toString());
  }

  /** Starts sending the events of {@code line} to {@code follower}. */
  public synchronized void follow(String line, Follower follower) {
    followers.computeIfAbsent(line, l -> new ArrayList<>()).add(follower);
  }

  /** Sends every follower a keep-alive comment every {@code every}, until {@link #close}. */
  public synchronized void keepAlive(Duration every) {
    if (ticker == null) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "shiprun-line-events");
                t.setDaemon(true);
                return t;
              });
      ticker.scheduleAtFixedRate(
          this::keepAlive, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Stops the keep-alive comments. */
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      ticker = null;
    }
  }

  /** Sends every follower a keep-alive comment; those that have gone are dropped. */
  public synchronized void keepAlive() {
    followers.values().forEach(list -> list.removeIf(f -> !f.keepAlive()));
    followers.values().removeIf(List::isEmpty);
  }

  /** How many clients follow {@code line}. */
  public synchronized int following(String line) {
    return followers.getOrDefault(line, List.of()).size();
  }

  private void job(long runId, Known known, String status, String finishedAt) {
    publish(
        known.line(),
        "job",
        new JobEvent(
            known.job(),
            runId,
            known.buildNumber(),
            status,
            known.triggeredBy(),
            known.startedAt(),
            finishedAt));
  }

  private void publish(String line, String name, Object data) {
    List<Follower> list = followers.get(line);
    if (list == null) {
      return;
    }
    String text;
    try {
      text = json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an event of line " + line + " cannot be written", e);
    }
    list.removeIf(f -> !f.send(name, text));
    if (list.isEmpty()) {
      followers.remove(line);
    }
  }
}
