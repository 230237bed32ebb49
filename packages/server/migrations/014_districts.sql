-- Districts ("Sozialräume") as data: each agency maintains its own list (key, name, optional official
-- municipality key and GeoJSON centre/boundary for the map). Offers, partners, planning and imports
-- validate against it. Names and shapes are public geography, so every agency may read every list
-- (offers of the shared directory name their region); only the owning agency writes its own.
CREATE TABLE districts (
  agency_id  uuid NOT NULL REFERENCES agencies (id),
  key        text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9-]{0,59}$'),
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  ags        text CHECK (ags ~ '^[0-9]{8}$|^[0-9]{12}$'),
  centre     jsonb,
  boundary   jsonb,
  position   integer NOT NULL CHECK (position >= 0),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (agency_id, key)
);

ALTER TABLE districts ENABLE ROW LEVEL SECURITY;
ALTER TABLE districts FORCE ROW LEVEL SECURITY;
CREATE POLICY districts_read ON districts FOR SELECT USING (true);
CREATE POLICY districts_insert ON districts FOR INSERT WITH CHECK (agency_id = lotse_current_agency());
CREATE POLICY districts_update ON districts FOR UPDATE
  USING (agency_id = lotse_current_agency()) WITH CHECK (agency_id = lotse_current_agency());
CREATE POLICY districts_delete ON districts FOR DELETE USING (agency_id = lotse_current_agency());
GRANT SELECT, INSERT, UPDATE, DELETE ON districts TO lotse_app;
