-- Self-assessment by link: a guide gives a client a one-time link to fill in the self perspective of a
-- published instrument alone. Only the SHA-256 hash of the 256-bit token is stored. The draft answers
-- live on the link until the client submits; then the completed assessment (mode self_link) is stored
-- and the link is used up. The link needs the client's active consent to self-assessment.

CREATE TABLE self_assessment_links (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id      uuid NOT NULL REFERENCES agencies (id),
  client_id      uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  instrument_id  uuid NOT NULL REFERENCES instruments (id),
  occasion       text NOT NULL CHECK (occasion IN ('intake', 'follow_up', 'exit')),
  token_hash     text NOT NULL UNIQUE,
  draft_answers  jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_by     uuid REFERENCES users (id),
  created_at     timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL,
  draft_saved_at timestamptz,
  completed_at   timestamptz,
  assessment_id  uuid REFERENCES assessments (id) ON DELETE SET NULL,
  CHECK (expires_at > created_at)
);
CREATE INDEX self_assessment_links_client_idx ON self_assessment_links (agency_id, client_id);

ALTER TABLE self_assessment_links ENABLE ROW LEVEL SECURITY;
CREATE POLICY self_assessment_links_agency ON self_assessment_links
  USING (agency_id = lotse_current_agency()) WITH CHECK (agency_id = lotse_current_agency());
