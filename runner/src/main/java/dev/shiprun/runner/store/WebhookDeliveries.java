package dev.shiprun.runner.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * The webhook deliveries the daemon has seen, by provider and delivery id, so that a replay of one
 * triggers nothing. Kept {@link #KEPT} (providers redeliver within days), removed after.
 */
public final class WebhookDeliveries {

  /** How long a delivery id is remembered. */
  public static final Duration KEPT = Duration.ofDays(30);

  WebhookDeliveries() {}

  /**
   * Remembers delivery {@code id} of {@code provider} for {@code line}; false when it was seen
   * before (and is not recorded again). Forgets the deliveries older than {@link #KEPT}.
   */
  public boolean remember(Connection c, String provider, String id, String line, Instant at)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM webhook_delivery WHERE received_at < ?")) {
      s.setTimestamp(1, Timestamp.from(at.minus(KEPT)));
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT 1 FROM webhook_delivery WHERE provider = ? AND delivery_id = ?")) {
      s.setString(1, provider);
      s.setString(2, id);
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          return false;
        }
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO webhook_delivery (provider, delivery_id, line, received_at)"
                + " VALUES (?, ?, ?, ?)")) {
      s.setString(1, provider);
      s.setString(2, id);
      s.setString(3, line);
      s.setTimestamp(4, Timestamp.from(at));
      s.executeUpdate();
    }
    return true;
  }

  /** Forgets delivery {@code id}, so the provider's redelivery of it is handled again. */
  public void forget(Connection c, String provider, String id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM webhook_delivery WHERE provider = ? AND delivery_id = ?")) {
      s.setString(1, provider);
      s.setString(2, id);
      s.executeUpdate();
    }
  }
}
