-- identity: OAuth2 sign-ins in progress. The app keeps no HTTP session, so the authorization request
-- (state, nonce, PKCE verifier) waits here, keyed by its random state, until the provider sends the
-- person back; the browser holds only the state, in a short-lived HttpOnly cookie.
CREATE TABLE oauth_authorization_requests (
  state VARCHAR(255) PRIMARY KEY,
  request JSONB NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_oauth_authorization_requests_expires ON oauth_authorization_requests (expires_at);
