-- Sign-in hardening.

-- A pending sign-in (second factor outstanding) counts the codes it tried; it ends after a few.
ALTER TABLE sessions ADD COLUMN mfa_attempts integer NOT NULL DEFAULT 0;

-- Resetting another administrator's password or second factor needs two administrators: the first
-- records a request here, a second one (neither the requester nor the target) carries it out.
CREATE TABLE admin_reset_requests (
  agency_id     uuid NOT NULL REFERENCES agencies (id),
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind          text NOT NULL CHECK (kind IN ('password', 'mfa')),
  requested_by  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  requested_at  timestamptz NOT NULL,
  PRIMARY KEY (agency_id, user_id, kind)
);
ALTER TABLE admin_reset_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE admin_reset_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY agency_isolation ON admin_reset_requests
  USING (agency_id = lotse_current_agency()) WITH CHECK (agency_id = lotse_current_agency());
GRANT SELECT, INSERT, UPDATE, DELETE ON admin_reset_requests TO lotse_app;
