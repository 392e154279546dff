-- common: outgoing mail (id.modo.verse.common.Mailer).
--
-- A transactional outbox: every mail is written here in the caller's transaction (status pending),
-- so a rolled-back registration sends nothing. After commit it is delivered by SMTP (status sent, or
-- failed after 5 attempts) or, with no SMTP configured, captured: printed to the log and kept here
-- for platform admins (status captured). Senders claim rows with SELECT ... FOR UPDATE SKIP LOCKED,
-- so several app nodes never send the same mail twice.
--
-- next_attempt_at is the retry back-off: a pending row is due once it has passed.

CREATE TABLE mail_outbox (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  recipient VARCHAR(255) NOT NULL,
  subject VARCHAR(500) NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT,
  template VARCHAR(100),
  locale VARCHAR(10),
  status VARCHAR(20) NOT NULL DEFAULT 'pending',
  attempts INT NOT NULL DEFAULT 0,
  last_error TEXT,
  next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  sent_at TIMESTAMPTZ,
  CONSTRAINT ck_mail_outbox_status CHECK (status IN ('pending', 'sent', 'failed', 'captured')),
  CONSTRAINT ck_mail_outbox_attempts CHECK (attempts >= 0)
);

-- The admin list: newest first, keyset pagination on (created_at, id).
CREATE INDEX idx_mail_outbox_created_at ON mail_outbox (created_at, id);
-- The senders' claim: due pending rows.
CREATE INDEX idx_mail_outbox_status ON mail_outbox (status, next_attempt_at);
