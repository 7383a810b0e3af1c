package dev.shiprun.runner.daemon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionsTest {

  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    private Instant now = Instant.parse("2026-12-06T08:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final HandClock clock = new HandClock();

  @Test
  void aSessionHasRandom256BitIdAndCsrfTokenAndEndsTwelveHoursAfterItsLastUse() {
    Sessions sessions = new Sessions(clock, 10);
    Sessions.Started started = sessions.start();
    assertEquals(43, started.id().length(), "32 bytes, base64url without padding");
    assertEquals(43, started.session().csrf().length());
    assertNotEquals(started.id(), started.session().csrf());
    assertEquals(clock.instant().plus(Duration.ofHours(12)), started.session().expiresAt());

    clock.advance(Duration.ofHours(11));
    assertEquals(
        clock.instant().plus(Duration.ofHours(12)),
        sessions.use(started.id()).orElseThrow().expiresAt(),
        "a use starts the idle time again");
    clock.advance(Duration.ofHours(11).plusMinutes(59));
    assertTrue(sessions.use(started.id()).isPresent());
    clock.advance(Duration.ofHours(12));
    assertTrue(sessions.use(started.id()).isEmpty(), "12 hours idle end it");
    assertEquals(0, sessions.size());
  }

  @Test
  void anUnknownOrEndedIdHasNoSession() {
    Sessions sessions = new Sessions(clock, 10);
    Sessions.Started started = sessions.start();
    assertTrue(sessions.use(null).isEmpty());
    assertTrue(sessions.use("").isEmpty());
    assertTrue(sessions.use(started.session().csrf()).isEmpty(), "the CSRF token is no id");
    assertTrue(sessions.use(started.id() + "x").isEmpty());
    sessions.end(started.id());
    assertTrue(sessions.use(started.id()).isEmpty());
  }

  @Test
  void pastTheCapTheLeastRecentlyUsedSessionIsDropped() {
    Sessions sessions = new Sessions(clock, 3);
    List<Sessions.Started> started = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      started.add(sessions.start());
    }
    sessions.use(started.get(0).id());
    sessions.start();
    assertEquals(3, sessions.size());
    assertTrue(sessions.use(started.get(0).id()).isPresent(), "used last, so kept");
    assertTrue(sessions.use(started.get(1).id()).isEmpty(), "the least recently used goes");
    assertTrue(sessions.use(started.get(2).id()).isPresent());
  }

  @Test
  void theCsrfTokenMatchesOnlyItself() {
    Sessions.Session session = new Sessions(clock, 1).start().session();
    assertTrue(Sessions.csrfMatches(session, session.csrf()));
    assertFalse(Sessions.csrfMatches(session, null));
    assertFalse(Sessions.csrfMatches(session, ""));
    assertFalse(Sessions.csrfMatches(session, session.csrf().substring(1)));
    assertFalse(Sessions.csrfMatches(session, session.csrf() + "x"));
  }

  @Test
  void neitherIdNorCsrfTokenIsPrinted() {
    Sessions.Started started = new Sessions(clock, 1).start();
    assertFalse(started.toString().contains(started.id()), started.toString());
    assertFalse(started.toString().contains(started.session().csrf()), started.toString());
  }
}
