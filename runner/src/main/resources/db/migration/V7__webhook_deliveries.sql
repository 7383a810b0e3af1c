-- The deliveries of the daemon's webhooks, by the provider's delivery id: a delivery seen before
-- (a provider's retry, a replayed request) triggers nothing. Rows older than 30 days are removed
-- as new ones arrive.
CREATE TABLE webhook_delivery (
  provider VARCHAR(20) NOT NULL,
  delivery_id VARCHAR(200) NOT NULL,
  line VARCHAR(200) NOT NULL,
  received_at TIMESTAMP NOT NULL,
  CONSTRAINT webhook_delivery_key PRIMARY KEY (provider, delivery_id)
);
CREATE INDEX webhook_delivery_received ON webhook_delivery (received_at);
