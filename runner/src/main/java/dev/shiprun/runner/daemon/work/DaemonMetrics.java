package dev.shiprun.runner.daemon.work;

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
 * processes killed, and a few of the JVM's own. Made by the daemon command only.
 */
public final class DaemonMetrics {

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

  void began(Duration waited) {
    started.increment();
    queueWait.record(waited);
  }

  void finished(RunStatus status, Duration took) {
    Counter.builder("shiprun.runs.finished")
        .description("runs that ended, by final status")
        .tag("status", status.wire())
        .register(registry)
        .increment();
    runDuration.record(took);
  }

  void logBytes(long bytes) {
    logBytes.increment(bytes);
  }

  void masked(long matches) {
    masked.increment(matches);
  }

  void killed(int processes) {
    killed.increment(processes);
  }

  /** The Prometheus text exposition of every figure. */
  public String scrape() {
    return registry.scrape();
  }
}
