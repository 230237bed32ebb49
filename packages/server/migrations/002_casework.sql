-- Case work: clients, consents, cases (with history, handover, closure and outcome), sharing with a
-- partner agency, goals and contacts. Every row is owned by the client's agency (`agency_id`); a
-- partner agency sees a client only while an active sharing (backed by an unwithdrawn consent) exists.

-- Folds a name for search: lower case without accents. Declared IMMUTABLE (unaccent itself is only
-- STABLE because its dictionary could change) so it can feed a generated column and an index.
CREATE FUNCTION lotse_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, coalesce(value, ''))) $$;

CREATE SEQUENCE client_number_seq;

CREATE TABLE clients (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id                 uuid NOT NULL REFERENCES agencies (id),
  client_number             text NOT NULL CHECK (length(client_number) BETWEEN 1 AND 40),
  first_name                text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
  last_name                 text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
  birth_date                date NOT NULL,
  gender                    text CHECK (gender IN ('female', 'male', 'diverse', 'not_stated')),
  phone                     text CHECK (length(phone) <= 50),
  email                     text CHECK (length(email) <= 200),
  address                   text CHECK (length(address) <= 300),
  preferred_language        text CHECK (length(preferred_language) <= 40),
  interpreter_needed        boolean NOT NULL DEFAULT false,
  district                  text CHECK (length(district) <= 100),
  household                 text CHECK (household IN ('single', 'couple', 'single_parent', 'family', 'shared', 'other')),
  legal_context             text CHECK (legal_context IN ('sgb2', 'sgb12', 'sgb6')),
  -- Health data: recorded only while a consent for processing health data is active.
  severe_disability         boolean,
  reduced_earning_capacity  boolean,
  -- Set when the personal data was erased or anonymised (after the retention period).
  anonymised_at             timestamptz,
  search_name               text GENERATED ALWAYS AS (lotse_fold(first_name || ' ' || last_name)) STORED,
  created_by                uuid,
  created_at                timestamptz NOT NULL,
  updated_at                timestamptz NOT NULL,
  UNIQUE (agency_id, client_number)
);
CREATE INDEX clients_agency_name_idx ON clients (agency_id, last_name, first_name);
CREATE INDEX clients_search_trgm_idx ON clients USING gin (search_name gin_trgm_ops);
CREATE INDEX clients_duplicate_idx ON clients (agency_id, birth_date, search_name);

CREATE TABLE consents (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id          uuid NOT NULL REFERENCES agencies (id),
  client_id          uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  purpose            text NOT NULL CHECK (purpose IN ('processing_health_data', 'self_assessment', 'sharing', 'research')),
  -- For purpose 'sharing': the named partner agency.
  partner_agency_id  uuid REFERENCES agencies (id),
  form               text NOT NULL CHECK (form IN ('written', 'oral', 'digital')),
  given_on           date NOT NULL,
  recorded_by        uuid,
  recorded_at        timestamptz NOT NULL,
  withdrawn_at       timestamptz,
  withdrawn_by       uuid,
  CHECK ((purpose = 'sharing') = (partner_agency_id IS NOT NULL))
);
CREATE INDEX consents_client_idx ON consents (agency_id, client_id);

-- One case per period of support at the owning agency; re-opening starts a new row, so history stays.
CREATE TABLE cases (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id        uuid NOT NULL REFERENCES agencies (id),
  client_id        uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  status           text NOT NULL CHECK (status IN ('open', 'closed')),
  guide_user_id    uuid REFERENCES users (id),
  deputy_user_ids  uuid[] NOT NULL DEFAULT '{}',
  opened_on        date NOT NULL,
  closed_on        date,
  outcome          text CHECK (outcome IN ('employment', 'vocational_training', 'other_employment', 'further_education',
                                           'rehabilitation', 'stabilisation', 'moved_away', 'contact_ended', 'other')),
  closure_reason   text CHECK (length(closure_reason) <= 2000),
  created_at       timestamptz NOT NULL,
  CHECK ((status = 'closed') = (closed_on IS NOT NULL AND outcome IS NOT NULL))
);
CREATE UNIQUE INDEX cases_one_open_per_client ON cases (client_id) WHERE status = 'open';
CREATE INDEX cases_agency_guide_idx ON cases (agency_id, guide_user_id) WHERE status = 'open';
CREATE INDEX cases_client_idx ON cases (agency_id, client_id);

-- What happened to a case: opened, handed over, deputies changed, shared, sharing ended, closed, re-opened.
CREATE TABLE case_events (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id      uuid NOT NULL REFERENCES agencies (id),
  case_id        uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  kind           text NOT NULL CHECK (kind IN ('opened', 'handover', 'deputies', 'shared', 'sharing_ended', 'closed', 'reopened')),
  at             timestamptz NOT NULL,
  actor_user_id  uuid,
  from_user_id   uuid,
  to_user_id     uuid,
  partner_agency_id uuid,
  reason         text CHECK (length(reason) <= 2000)
);
CREATE INDEX case_events_case_idx ON case_events (case_id, at);

-- A client's case shared with a partner agency (PRO AKTIV: Jobcenter + pension insurance). Active while
-- ended_at is null; withdrawing the sharing consent ends it at once.
CREATE TABLE case_shares (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id          uuid NOT NULL REFERENCES agencies (id),
  client_id          uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  partner_agency_id  uuid NOT NULL REFERENCES agencies (id),
  consent_id         uuid NOT NULL REFERENCES consents (id) ON DELETE CASCADE,
  shared_by          uuid,
  created_at         timestamptz NOT NULL,
  ended_at           timestamptz,
  CHECK (partner_agency_id <> agency_id)
);
CREATE UNIQUE INDEX case_shares_one_active ON case_shares (client_id, partner_agency_id) WHERE ended_at IS NULL;
CREATE INDEX case_shares_partner_idx ON case_shares (partner_agency_id, client_id) WHERE ended_at IS NULL;

CREATE TABLE goals (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id     uuid NOT NULL REFERENCES agencies (id),
  client_id     uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  case_id       uuid REFERENCES cases (id) ON DELETE SET NULL,
  title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  dimension     text NOT NULL CHECK (length(dimension) BETWEEN 1 AND 100),
  steps         jsonb NOT NULL DEFAULT '[]'::jsonb,
  target_date   date NOT NULL,
  status        text NOT NULL CHECK (status IN ('open', 'achieved', 'partly_achieved', 'not_achieved', 'dropped')),
  review        text CHECK (length(review) <= 4000),
  reviewed_on   date,
  agreed_on     date NOT NULL,
  created_by    uuid,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);
CREATE INDEX goals_client_idx ON goals (agency_id, client_id);
CREATE INDEX goals_due_idx ON goals (agency_id, target_date) WHERE status = 'open';

CREATE TABLE contacts (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id         uuid NOT NULL REFERENCES agencies (id),
  client_id         uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  case_id           uuid REFERENCES cases (id) ON DELETE SET NULL,
  type              text NOT NULL CHECK (type IN ('meeting', 'phone', 'home_visit', 'accompaniment', 'letter', 'other')),
  contact_date      date NOT NULL,
  duration_minutes  integer CHECK (duration_minutes BETWEEN 0 AND 1440),
  note              text CHECK (length(note) <= 10000),
  author_user_id    uuid,
  -- The agency of the author: a partner agency's guide writes into the owning agency's record.
  author_agency_id  uuid NOT NULL REFERENCES agencies (id),
  created_at        timestamptz NOT NULL
);
CREATE INDEX contacts_client_idx ON contacts (agency_id, client_id, contact_date DESC);

-- Whether the current actor's agency may see this client: it owns it, or an active sharing exists.
-- SECURITY DEFINER so the lookup itself is not filtered by the policies it serves (no recursion).
CREATE FUNCTION lotse_client_visible(owner uuid, client uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT owner = lotse_current_agency()
        OR EXISTS (SELECT 1 FROM case_shares s
                    WHERE s.client_id = client AND s.partner_agency_id = lotse_current_agency()
                      AND s.ended_at IS NULL)
  $$;

-- Names of users of another agency (the guide of a shared case); only the display name leaks.
CREATE FUNCTION lotse_user_display_name(user_id uuid) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT display_name FROM users WHERE id = user_id $$;

-- Agencies a case may be shared with (all but the own); RLS hides other agencies' rows otherwise.
CREATE FUNCTION lotse_partner_agencies() RETURNS TABLE (id uuid, name text, kind text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT id, name, kind FROM agencies WHERE id <> lotse_current_agency() ORDER BY name $$;

ALTER TABLE clients ENABLE ROW LEVEL SECURITY;
CREATE POLICY client_visibility ON clients USING (lotse_client_visible(agency_id, id));
ALTER TABLE consents ENABLE ROW LEVEL SECURITY;
CREATE POLICY client_visibility ON consents USING (lotse_client_visible(agency_id, client_id));
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
CREATE POLICY client_visibility ON cases USING (lotse_client_visible(agency_id, client_id));
ALTER TABLE case_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY client_visibility ON case_events USING (
  agency_id = lotse_current_agency()
  OR EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));
ALTER TABLE case_shares ENABLE ROW LEVEL SECURITY;
CREATE POLICY owner_or_partner ON case_shares
  USING (agency_id = lotse_current_agency() OR partner_agency_id = lotse_current_agency())
  WITH CHECK (agency_id = lotse_current_agency());
ALTER TABLE goals ENABLE ROW LEVEL SECURITY;
CREATE POLICY client_visibility ON goals USING (lotse_client_visible(agency_id, client_id));
ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
CREATE POLICY client_visibility ON contacts USING (lotse_client_visible(agency_id, client_id));

GRANT USAGE, SELECT ON SEQUENCE client_number_seq TO lotse_app;
