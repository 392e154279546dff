-- organization: invitations can be declined by the invitee, and an address has at most one pending
-- invitation per organization (see docs/schema.md, "Added for features").
ALTER TABLE invitations DROP CONSTRAINT ck_invitations_status;
ALTER TABLE invitations ADD CONSTRAINT ck_invitations_status
  CHECK (status IN ('pending', 'accepted', 'expired', 'revoked', 'declined'));

CREATE UNIQUE INDEX ux_invitations_pending_email ON invitations (organization_id, lower(email)) WHERE status = 'pending';
