-- Offers and network (issue 5): partners, offers (own directory + shared regional directory),
-- referrals of clients to offers, network events with registrations, publications with files.
-- Offers, partners, events and publications are no client data; referrals are (client visibility).

-- The name of any agency (organiser of an event, owner of a shared offer); RLS hides other agencies.
CREATE FUNCTION lotse_agency_name(agency uuid) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT name FROM agencies WHERE id = agency $$;

CREATE TABLE partners (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id        uuid NOT NULL REFERENCES agencies (id),
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind             text NOT NULL CHECK (kind IN ('welfare', 'sports', 'self_help', 'counselling', 'training',
                                                 'employer', 'health', 'municipal', 'pension_insurance', 'other')),
  -- [{name, role, phone, email}]: professional contact persons (personal data: writes are audited).
  contact_persons  jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(contact_persons) = 'array'),
  street           text CHECK (length(street) <= 200),
  postal_code      text CHECK (postal_code ~ '^\d{5}$'),
  city             text CHECK (length(city) <= 100),
  districts        text[] NOT NULL DEFAULT '{}',
  website          text CHECK (length(website) <= 500),
  notes            text CHECK (length(notes) <= 4000),
  -- Employers: {jobsForPeopleWithDisabilities, accessibleWorkplace, partTimePossible, note}.
  inclusion        jsonb CHECK (inclusion IS NULL OR jsonb_typeof(inclusion) = 'object'),
  search_text      text GENERATED ALWAYS AS (lotse_fold(name || ' ' || coalesce(city, ''))) STORED,
  created_by       uuid,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);
CREATE INDEX partners_agency_name_idx ON partners (agency_id, name);
CREATE INDEX partners_search_trgm_idx ON partners USING gin (search_text gin_trgm_ops);

CREATE TABLE offers (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id        uuid NOT NULL REFERENCES agencies (id),
  partner_id       uuid NOT NULL REFERENCES partners (id),
  title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description      text NOT NULL DEFAULT '' CHECK (length(description) <= 8000),
  dimensions       text[] NOT NULL CHECK (cardinality(dimensions) BETWEEN 1 AND 20),
  target_groups    text[] NOT NULL DEFAULT '{}',
  district         text NOT NULL CHECK (length(district) BETWEEN 1 AND 100),
  street           text CHECK (length(street) <= 200),
  postal_code      text CHECK (postal_code ~ '^\d{5}$'),
  city             text CHECK (length(city) <= 100),
  lat              double precision CHECK (lat BETWEEN -90 AND 90),
  lon              double precision CHECK (lon BETWEEN -180 AND 180),
  step_free        boolean NOT NULL DEFAULT false,
  easy_language    boolean NOT NULL DEFAULT false,
  languages        text[] NOT NULL DEFAULT '{de}',
  cost_cents       integer CHECK (cost_cents >= 0),
  cost_note        text CHECK (length(cost_note) <= 500),
  schedule         text CHECK (length(schedule) <= 1000),
  capacity         integer CHECK (capacity >= 0),
  free_places      integer CHECK (free_places >= 0),
  how_to_refer     text CHECK (length(how_to_refer) <= 2000),
  valid_from       date,
  valid_to         date,
  shared           boolean NOT NULL DEFAULT false,
  search_text      text GENERATED ALWAYS AS (lotse_fold(title || ' ' || description)) STORED,
  created_by       uuid,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from),
  CHECK (capacity IS NULL OR free_places IS NULL OR free_places <= capacity)
);
CREATE INDEX offers_agency_idx ON offers (agency_id, title);
CREATE INDEX offers_shared_idx ON offers (shared, title) WHERE shared;
CREATE INDEX offers_partner_idx ON offers (partner_id);
CREATE INDEX offers_dimensions_idx ON offers USING gin (dimensions);
CREATE INDEX offers_district_idx ON offers (district);
CREATE INDEX offers_search_trgm_idx ON offers USING gin (search_text gin_trgm_ops);

-- A client's referral to an offer. Owned by the client's agency; a partner agency with an active
-- sharing sees and works on it like on the rest of the case. The offer may come from the shared
-- directory of another agency.
CREATE TABLE referrals (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id          uuid NOT NULL REFERENCES agencies (id),
  client_id          uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  offer_id           uuid NOT NULL REFERENCES offers (id),
  status             text NOT NULL CHECK (status IN ('suggested', 'referred', 'started', 'completed', 'dropped')),
  reason             text CHECK (length(reason) <= 1000),
  note               text CHECK (length(note) <= 2000),
  feedback           text CHECK (length(feedback) <= 4000),
  suggested_on       date,
  referred_on        date,
  started_on         date,
  ended_on           date,
  capacity_override  boolean NOT NULL DEFAULT false,
  created_by         uuid,
  created_by_agency  uuid NOT NULL REFERENCES agencies (id),
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  CHECK (status <> 'dropped' OR reason IS NOT NULL),
  CHECK ((status IN ('completed', 'dropped')) = (ended_on IS NOT NULL))
);
CREATE INDEX referrals_client_idx ON referrals (agency_id, client_id, created_at DESC);
CREATE INDEX referrals_open_idx ON referrals (agency_id, client_id) WHERE status IN ('suggested', 'referred', 'started');
CREATE INDEX referrals_offer_idx ON referrals (offer_id);

-- Takes (delta -1) or returns (+1) a free place of a visible offer, also of another agency's shared
-- offer (which the runtime role may not update). Returns the new number of free places, or NULL when
-- the offer has no place limit, or -1 (and changes nothing) when no place is left and it is not forced.
CREATE FUNCTION lotse_offer_adjust_places(offer uuid, delta integer, force boolean) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
DECLARE
  current_free integer;
  cap integer;
BEGIN
  SELECT free_places, capacity INTO current_free, cap FROM offers
   WHERE id = offer AND (agency_id = lotse_current_agency() OR shared)
   FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'offer % not visible', offer USING ERRCODE = 'no_data_found';
  END IF;
  IF current_free IS NULL THEN
    RETURN NULL;
  END IF;
  IF delta < 0 AND current_free + delta < 0 AND NOT force THEN
    RETURN -1;
  END IF;
  current_free := greatest(0, current_free + delta);
  IF cap IS NOT NULL THEN
    current_free := least(cap, current_free);
  END IF;
  UPDATE offers SET free_places = current_free WHERE id = offer;
  RETURN current_free;
END
$$;

-- Network events: visible to every agency, changed by the organising agency only.
CREATE TABLE network_events (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id    uuid NOT NULL REFERENCES agencies (id),
  code         text NOT NULL UNIQUE CHECK (code ~ '^V \d{2}/\d{3}$'),
  title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  kind         text NOT NULL CHECK (kind IN ('round_table', 'working_group', 'expert_dialogue', 'workshop', 'conference')),
  starts_at    timestamptz NOT NULL,
  ends_at      timestamptz NOT NULL,
  place        text CHECK (length(place) <= 300),
  online_url   text CHECK (length(online_url) <= 500),
  description  text NOT NULL DEFAULT '' CHECK (length(description) <= 8000),
  capacity     integer CHECK (capacity >= 1),
  -- Bumped on every change: the SEQUENCE of the iCalendar entry.
  revision     integer NOT NULL DEFAULT 0,
  created_by   uuid,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  CHECK (ends_at > starts_at)
);
CREATE INDEX network_events_start_idx ON network_events (starts_at);

-- Registrations of staff of any agency; each agency sees its own staff's registrations only.
CREATE TABLE event_registrations (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id   uuid NOT NULL REFERENCES agencies (id),
  event_id    uuid NOT NULL REFERENCES network_events (id) ON DELETE CASCADE,
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  status      text NOT NULL CHECK (status IN ('registered', 'waitlisted')),
  created_at  timestamptz NOT NULL,
  UNIQUE (event_id, user_id)
);
CREATE INDEX event_registrations_event_idx ON event_registrations (event_id, status, created_at);

-- Counts of registrations per event across agencies (no identities leave the owner's rights).
CREATE FUNCTION lotse_event_counts(events uuid[])
  RETURNS TABLE (event_id uuid, registered integer, waitlisted integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT r.event_id,
           count(*) FILTER (WHERE r.status = 'registered')::int,
           count(*) FILTER (WHERE r.status = 'waitlisted')::int
      FROM event_registrations r
     WHERE r.event_id = ANY (events)
     GROUP BY r.event_id
  $$;

-- The place of a waitlisted registration on the waiting list (1 = next).
CREATE FUNCTION lotse_event_waitlist_position(registration uuid) RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT count(*)::int FROM event_registrations o, event_registrations r
     WHERE r.id = registration AND r.status = 'waitlisted' AND o.event_id = r.event_id
       AND o.status = 'waitlisted' AND (o.created_at, o.id) <= (r.created_at, r.id)
  $$;

-- Event codes are unique across agencies: the next free number of a year ("V 26/001").
CREATE FUNCTION lotse_next_event_code(yy text) RETURNS text
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT 'V ' || yy || '/' || lpad((coalesce(max(substr(code, 6)::int), 0) + 1)::text, 3, '0')
      FROM network_events WHERE substr(code, 3, 2) = yy
  $$;

-- Good practice and materials; shared publications are visible to every agency.
CREATE TABLE publications (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id     uuid NOT NULL REFERENCES agencies (id),
  title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  kind          text NOT NULL CHECK (kind IN ('good_practice', 'guide', 'instrument', 'report', 'material')),
  summary       text NOT NULL DEFAULT '' CHECK (length(summary) <= 4000),
  tags          text[] NOT NULL DEFAULT '{}',
  published_on  date,
  shared        boolean NOT NULL DEFAULT true,
  file_name     text CHECK (length(file_name) <= 200),
  content_type  text,
  file_size     integer CHECK (file_size >= 0),
  search_text   text GENERATED ALWAYS AS (lotse_fold(title || ' ' || summary)) STORED,
  created_by    uuid,
  created_at    timestamptz NOT NULL,
  CHECK ((file_name IS NULL) = (content_type IS NULL))
);
CREATE INDEX publications_created_idx ON publications (created_at DESC);
CREATE INDEX publications_tags_idx ON publications USING gin (tags);

-- File contents apart from the metadata, so that lists never load them.
CREATE TABLE publication_files (
  publication_id  uuid PRIMARY KEY REFERENCES publications (id) ON DELETE CASCADE,
  agency_id       uuid NOT NULL REFERENCES agencies (id),
  content         bytea NOT NULL
);

ALTER TABLE partners ENABLE ROW LEVEL SECURITY;
-- Partners of the own agency, and those behind offers in the shared directory (for their names).
CREATE POLICY partners_read ON partners FOR SELECT
  USING (agency_id = lotse_current_agency()
         OR EXISTS (SELECT 1 FROM offers o WHERE o.partner_id = partners.id AND o.shared));
CREATE POLICY partners_insert ON partners FOR INSERT WITH CHECK (agency_id = lotse_current_agency());
CREATE POLICY partners_update ON partners FOR UPDATE
  USING (agency_id = lotse_current_agency()) WITH CHECK (agency_id = lotse_current_agency());
CREATE POLICY partners_delete ON partners FOR DELETE USING (agency_id = lotse_current_agency());

ALTER TABLE offers ENABLE ROW LEVEL SECURITY;
CREATE POLICY offers_read ON offers FOR SELECT USING (agency_id = lotse_current_agency() OR shared);
CREATE POLICY offers_insert ON offers FOR INSERT WITH CHECK (agency_id = lotse_current_agency());
CREATE POLICY offers_update ON offers FOR UPDATE
  USING (agency_id = lotse_current_agency()) WITH CHECK (agency_id = lotse_current_agency());
CREATE POLICY offers_delete ON offers FOR DELETE USING (agency_id = lotse_current_agency());

ALTER TABLE referrals ENABLE ROW LEVEL SECURITY;
CREATE POLICY client_visibility ON referrals USING (lotse_client_visible(agency_id, client_id));

ALTER TABLE network_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY events_read ON network_events FOR SELECT USING (true);
CREATE POLICY events_insert ON network_events FOR INSERT WITH CHECK (agency_id = lotse_current_agency());
CREATE POLICY events_update ON network_events FOR UPDATE
  USING (agency_id = lotse_current_agency()) WITH CHECK (agency_id = lotse_current_agency());
CREATE POLICY events_delete ON network_events FOR DELETE USING (agency_id = lotse_current_agency());

ALTER TABLE event_registrations ENABLE ROW LEVEL SECURITY;
CREATE POLICY agency_isolation ON event_registrations USING (agency_id = lotse_current_agency());

ALTER TABLE publications ENABLE ROW LEVEL SECURITY;
CREATE POLICY publications_read ON publications FOR SELECT USING (agency_id = lotse_current_agency() OR shared);
CREATE POLICY publications_insert ON publications FOR INSERT WITH CHECK (agency_id = lotse_current_agency());
CREATE POLICY publications_update ON publications FOR UPDATE
  USING (agency_id = lotse_current_agency()) WITH CHECK (agency_id = lotse_current_agency());
CREATE POLICY publications_delete ON publications FOR DELETE USING (agency_id = lotse_current_agency());

ALTER TABLE publication_files ENABLE ROW LEVEL SECURITY;
CREATE POLICY publication_files_read ON publication_files FOR SELECT
  USING (agency_id = lotse_current_agency()
         OR EXISTS (SELECT 1 FROM publications p WHERE p.id = publication_id AND p.shared));
CREATE POLICY publication_files_write ON publication_files FOR INSERT WITH CHECK (agency_id = lotse_current_agency());
CREATE POLICY publication_files_update ON publication_files FOR UPDATE
  USING (agency_id = lotse_current_agency()) WITH CHECK (agency_id = lotse_current_agency());
CREATE POLICY publication_files_delete ON publication_files FOR DELETE USING (agency_id = lotse_current_agency());
