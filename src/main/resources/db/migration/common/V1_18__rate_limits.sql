-- common: fixed-window counters for rate limits (login throttling, sign-ups and password resets
-- per IP, later costly operations). Kept in PostgreSQL so a limit holds across app nodes.
CREATE TABLE rate_limits (
  key VARCHAR(300) PRIMARY KEY,
  window_start TIMESTAMPTZ NOT NULL,
  hits INTEGER NOT NULL,
  CONSTRAINT ck_rate_limits_hits CHECK (hits >= 0)
);
CREATE INDEX idx_rate_limits_window_start ON rate_limits (window_start);
