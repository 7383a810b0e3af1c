package dev.shiprun.runner.daemon;

import dev.shiprun.runner.store.Store;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a running daemon serves from: its home, the store (opened once, kept until the daemon stops)
 * and the API token. Quarkus starts HTTP while it boots, before {@code shiprun daemon} has read its
 * options, so this is empty until the command {@link #open}s it; the endpoints, the token filter
 * and the readiness check read it on every request (one volatile read).
 */
@ApplicationScoped
public class DaemonContext {

  /** Everything the command opened, published at once. */
  public record Opened(Path home, Store store, ApiToken token) {
    public Opened {
      Objects.requireNonNull(home, "home");
      Objects.requireNonNull(store, "store");
      Objects.requireNonNull(token, "token");
    }
  }

  private volatile Opened opened;

  public void open(Opened value) {
    if (opened != null) {
      throw new IllegalStateException("the daemon is already open on " + opened.home());
    }
    opened = Objects.requireNonNull(value);
  }

  public Optional<Opened> opened() {
    return Optional.ofNullable(opened);
  }

  /** Closes the store; requests that still arrive see a daemon that is not ready. */
  @PreDestroy
  public void close() {
    Opened last = opened;
    opened = null;
    if (last != null) {
      last.store().close();
    }
  }
}
