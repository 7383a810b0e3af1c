package dev.shiprun.runner.daemon.work;

import dev.shiprun.runner.engine.event.RunEvent;
import dev.shiprun.runner.engine.event.RunListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The logs of the runs going on in this daemon, for followers (event streams). Lines are not kept
 * here: the stored log holds every line before a follower hears of it ({@code JobLog} writes, then
 * tells), so a follower that arrives late reads the first {@code n} lines from the file and gets
 * the rest from here, with nothing lost or doubled. A run is followed from before it begins (a
 * queued run) until it ended. It hears the runs as a {@link RunListener}: a run is live from its
 * start to its end, and its lines go to its own followers.
 */
public final class LiveLogs implements RunListener {

  /** Who follows a run: lines in order, then the end. Called under this hub's lock: never block. */
  public interface Follower {
    void line(String text);

    void end();
  }

  /** Where a run is, as the store says, for a follower that finds it not live here. */
  public enum Found {
    /** Queued, or begun here a moment ago: wait for its lines. */
    WAITING,
    /** Ended, or run by another process: its stored log is all there is. */
    DONE,
    UNKNOWN
  }

  /** How to follow: read {@code storedLines} lines of the stored log first; then live or not. */
  public record Following(Found found, int storedLines, boolean live) {}

  private static final class Live {
    int lines;
    final List<Follower> followers = new ArrayList<>();
  }

  private final Map<Long, Live> runs = new HashMap<>();

  @Override
  public void on(RunEvent event) {
    if (event instanceof RunEvent.JobStarted started) {
      began(started.runId());
    } else if (event instanceof RunEvent.LogLine line) {
      line(line.runId(), line.text());
    } else if (event instanceof RunEvent.JobEnded ended) {
      ended(ended.runId());
    }
  }

  private synchronized void began(long runId) {
    runs.computeIfAbsent(runId, id -> new Live());
  }

  private synchronized void line(long runId, String text) {
    Live live = runs.get(runId);
    if (live == null) {
      return;
    }
    live.lines++;
    for (Follower f : live.followers) {
      f.line(text);
    }
  }

  /** Run {@code runId} ended (or a queued one was cancelled): its followers hear the end. */
  synchronized void ended(long runId) {
    Live live = runs.remove(runId);
    if (live != null) {
      live.followers.forEach(Follower::end);
    }
  }

  /**
   * Starts following run {@code runId}. {@code where} is asked (under the lock, so no begin or end
   * slips between) only when the run is not live here.
   */
  public synchronized Following follow(
      long runId, Follower follower, java.util.function.LongFunction<Found> where) {
    Live live = runs.get(runId);
    if (live == null) {
      Found found = where.apply(runId);
      if (found != Found.WAITING) {
        return new Following(found, Integer.MAX_VALUE, false);
      }
      live = new Live();
      runs.put(runId, live);
    }
    live.followers.add(follower);
    return new Following(Found.WAITING, live.lines, true);
  }

  /** A follower that went away (the client closed the stream). */
  public synchronized void unfollow(long runId, Follower follower) {
    Live live = runs.get(runId);
    if (live != null) {
      live.followers.remove(follower);
    }
  }
}
