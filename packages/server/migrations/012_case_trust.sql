-- Case-work trust fixes: revoked self-assessment links stay revoked, contact notes on a need-to-know
-- basis (the sharing consent names whether notes go to the partner agency), and referral feedback from
-- partners without a Lotse account through a one-time link.

-- A link revoked by a guide or by withdrawing the consent to self-assessment stays revoked, even when a
-- new consent is recorded later.
ALTER TABLE self_assessment_links
  ADD COLUMN revoked_at timestamptz,
  ADD COLUMN revoked_by uuid;

-- A sharing consent says whether the partner agency may read contact notes (default: no).
ALTER TABLE consents ADD COLUMN includes_contact_notes boolean NOT NULL DEFAULT false;
ALTER TABLE consents ADD CONSTRAINT consents_contact_notes_only_sharing
  CHECK (NOT includes_contact_notes OR purpose = 'sharing');

-- Structured feedback on a referral (from the partner's link or entered by staff); `feedback` keeps
-- the short note.
ALTER TABLE referrals
  ADD COLUMN feedback_outcome text CHECK (feedback_outcome IN ('came', 'started', 'ended', 'did_not_come')),
  ADD COLUMN feedback_on date,
  ADD COLUMN feedback_source text CHECK (feedback_source IN ('staff', 'partner_link'));

-- One-time feedback links for a referral: only the SHA-256 hash of the 256-bit token is stored; a link
-- expires, is used once and can be revoked.
CREATE TABLE referral_feedback_links (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id    uuid NOT NULL REFERENCES agencies (id),
  client_id    uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  referral_id  uuid NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
  token_hash   text NOT NULL UNIQUE,
  created_by   uuid REFERENCES users (id),
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz,
  revoked_at   timestamptz,
  revoked_by   uuid,
  CHECK (expires_at > created_at)
);
CREATE INDEX referral_feedback_links_referral_idx ON referral_feedback_links (agency_id, referral_id);
CREATE INDEX referral_feedback_links_client_idx ON referral_feedback_links (agency_id, client_id);

ALTER TABLE referral_feedback_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_feedback_links FORCE ROW LEVEL SECURITY;
CREATE POLICY referral_feedback_links_agency ON referral_feedback_links
  USING (agency_id = lotse_current_agency()) WITH CHECK (agency_id = lotse_current_agency());
GRANT SELECT, INSERT, UPDATE, DELETE ON referral_feedback_links TO lotse_app;
