package dev.shiprun.runner.daemon.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The web page's sign-ins: a session id (the cookie) and its CSRF token, both 256 random bits, kept
 * in memory only, so a daemon restart ends every session. A session ends after {@link #IDLE}
 * without a request, at sign-out, or when {@link #CAP} newer ones push it out (the least recently
 * used goes first). Sessions are found by the SHA-256 of their id, so neither a map lookup's timing
 * nor a heap dump gives an id away; the CSRF token is compared in constant time.
 */
@ApplicationScoped
public class Sessions {

  static final Duration IDLE = Duration.ofHours(12);
  static final int CAP = 1_000;
  private static final int RANDOM_BYTES = 32;

  /** A signed-in browser as the API shows it: its CSRF token and when it ends if left idle. */
  public record Session(String csrf, Instant expiresAt) {
    @Override
    public String toString() {
      return "Session[csrf=***, expiresAt=" + expiresAt + "]";
    }
  }

  /** A new session: the cookie's value (told once, never kept) and the session. */
  public record Started(String id, Session session) {
    @Override
    public String toString() {
      return "Started[id=***, " + session + "]";
    }
  }

  private static final class Entry {
    final byte[] csrf;
    Instant lastUsed;

    Entry(byte[] csrf, Instant lastUsed) {
      this.csrf = csrf;
      this.lastUsed = lastUsed;
    }

    Session view() {
      return new Session(new String(csrf, StandardCharsets.US_ASCII), lastUsed.plus(IDLE));
    }
  }

  private final Clock clock;
  private final int cap;
  private final SecureRandom random = new SecureRandom();

  /** By the hex SHA-256 of the id; in order of last use, the least recent first. */
  private final LinkedHashMap<String, Entry> byDigest = new LinkedHashMap<>(16, 0.75f, true);

  @Inject
  public Sessions() {
    this(Clock.systemUTC(), CAP);
  }

  Sessions(Clock clock, int cap) {
    this.clock = clock;
    this.cap = cap;
  }

  /** Starts a session (after the caller checked the API token). */
  public synchronized Started start() {
    Instant now = clock.instant();
    dropExpired(now);
    String id = randomText();
    Entry entry = new Entry(randomText().getBytes(StandardCharsets.US_ASCII), now);
    byDigest.put(digest(id), entry);
    while (byDigest.size() > cap) {
      Iterator<Map.Entry<String, Entry>> oldest = byDigest.entrySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return new Started(id, entry.view());
  }

  /** The live session of cookie value {@code id}, its idle time starting again; empty if none. */
  public synchronized Optional<Session> use(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    String key = digest(id);
    Entry entry = byDigest.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (expired(entry, now)) {
      byDigest.remove(key);
      return Optional.empty();
    }
    entry.lastUsed = now;
    return Optional.of(entry.view());
  }

  /** Whether {@code presented} is the CSRF token of {@code session} (constant time). */
  public static boolean csrfMatches(Session session, String presented) {
    return presented != null
        && MessageDigest.isEqual(
            session.csrf().getBytes(StandardCharsets.US_ASCII),
            presented.getBytes(StandardCharsets.UTF_8));
  }

  /** Ends the session of cookie value {@code id}, if there is one. */
  public synchronized void end(String id) {
    if (id != null && !id.isEmpty()) {
      byDigest.remove(digest(id));
    }
  }

  synchronized int size() {
    return byDigest.size();
  }

  private void dropExpired(Instant now) {
    byDigest.values().removeIf(entry -> expired(entry, now));
  }

  private static boolean expired(Entry entry, Instant now) {
    return !now.isBefore(entry.lastUsed.plus(IDLE));
  }

  private String randomText() {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String digest(String id) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
