package dev.shiprun.runner.daemon.work;

import dev.shiprun.runner.engine.event.RunEvent;
import dev.shiprun.runner.engine.event.RunListener;
import dev.shiprun.runner.store.RunStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The daemon's figures for Prometheus ({@code GET /q/metrics}): runs started and finished by
 * status, the queue's length, queue wait and run duration histograms, log bytes, secrets masked and
 * processes killed, and a few of the JVM's own. Made by the daemon command only; it counts what it
 * hears of the runs as a {@link RunListener}, and the processes the engine kills.
 */
public final class DaemonMetrics implements RunListener {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter started;
  private final Timer queueWait;
  private final Timer runDuration;
  private final Counter logBytes;
  private final Counter masked;
  private final Counter killed;

  public DaemonMetrics(Supplier<Number> queueLength) {
    started =
        Counter.builder("shiprun.runs.started")
            .description("runs that began (a queued run, or one a run triggered)")
            .register(registry);
    Gauge.builder("shiprun.queue.length", () -> queueLength.get())
        .description("requests waiting in the queue")
        .register(registry);
    queueWait =
        Timer.builder("shiprun.queue.wait")
            .description("time from a manual trigger to its run's start")
            .publishPercentileHistogram()
            .register(registry);
    runDuration =
        Timer.builder("shiprun.run.duration")
            .description("time a run took, start to final status")
            .publishPercentileHistogram()
            .register(registry);
    logBytes =
        Counter.builder("shiprun.log.bytes")
            .baseUnit("bytes")
            .description("bytes of (masked) job output, UTF-8")
            .register(registry);
    masked =
        Counter.builder("shiprun.masked.matches")
            .description("secrets the masker hid in job output")
            .register(registry);
    killed =
        Counter.builder("shiprun.killed.processes")
            .description("processes of runs killed (timeouts, cancels, leftovers)")
            .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  @Override
  public void on(RunEvent event) {
    if (event instanceof RunEvent.JobStarted start) {
      started.increment();
      queueWait.record(start.waited());
    } else if (event instanceof RunEvent.LogLine line) {
      logBytes.increment(utf8Length(line.text()) + 1);
    } else if (event instanceof RunEvent.Masked hidden) {
      if (hidden.matches() > 0) {
        masked.increment(hidden.matches());
      }
    } else if (event instanceof RunEvent.JobEnded ended) {
      ended.result().ifPresent(r -> finished(r.status(), r.duration()));
    }
  }

  /** A run ended with {@code status} after {@code took} (also a queued run cancelled at once). */
  void finished(RunStatus status, Duration took) {
    Counter.builder("shiprun.runs.finished")
        .description("runs that ended, by final status")
        .tag("status", status.wire())
        .register(registry)
        .increment();
    runDuration.record(took);
  }

  /** The engine killed {@code processes} processes of a run (a timeout, a cancel, leftovers). */
  void killed(int processes) {
    killed.increment(processes);
  }

  /** The Prometheus text exposition of every figure. */
  public String scrape() {
    return registry.scrape();
  }

  /** The bytes of {@code text} in UTF-8, without making them. */
  private static long utf8Length(String text) {
    long n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
