-- Letterhead of an agency (issue 12 item 14): the logo printed at the top of every PDF the agency
-- makes (progress, blank forms, reports). The name shown next to it is the agency setting
-- `letterheadName` (agencies.settings); the image lives here, one per agency, validated by content
-- (PNG or JPEG) before it is stored, small enough to embed in every PDF.
CREATE TABLE agency_logos (
  agency_id     uuid PRIMARY KEY REFERENCES agencies (id) ON DELETE CASCADE,
  content_type  text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg')),
  data          bytea NOT NULL CHECK (octet_length(data) BETWEEN 1 AND 524288),
  updated_at    timestamptz NOT NULL,
  updated_by    uuid REFERENCES users (id) ON DELETE SET NULL
);
ALTER TABLE agency_logos ENABLE ROW LEVEL SECURITY;
ALTER TABLE agency_logos FORCE ROW LEVEL SECURITY;
CREATE POLICY agency_isolation ON agency_logos
  USING (agency_id = lotse_current_agency()) WITH CHECK (agency_id = lotse_current_agency());
