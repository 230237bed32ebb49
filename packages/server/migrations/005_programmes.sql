-- Programmes and funding: programmes with owning, partner and participating agencies, funded places
-- per agency and year, enrolments (with waiting list and audited over-booking), budgets per funding
-- line and expenditure bookings. Money is numeric(12,2), never floating point.
--
-- Visibility (see docs/decisions/0006-programme-aggregates-across-agencies.md):
--   programmes, agencies, places, budgets: every agency taking part in the programme;
--   enrolments and expenditures: only the agency that made them (client identities never cross);
--   figures across agencies: only counts and sums, through the SECURITY DEFINER functions at the end.

CREATE TABLE programmes (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_agency_id  uuid NOT NULL REFERENCES agencies (id),
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  funding_source   text NOT NULL CHECK (funding_source IN ('sgb2_16i', 'sgb2_16e', 'rehapro', 'esf', 'state', 'federal', 'other')),
  legal_basis      text CHECK (length(legal_basis) <= 200),
  funder           text CHECK (length(funder) <= 200),
  starts_on        date NOT NULL,
  ends_on          date NOT NULL,
  description      text CHECK (length(description) <= 4000),
  target_group     text CHECK (length(target_group) <= 1000),
  created_by       uuid,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  CHECK (ends_on >= starts_on)
);
CREATE INDEX programmes_owner_idx ON programmes (owner_agency_id);

-- The agencies of a programme: one owner, partners with equal rights, participants.
CREATE TABLE programme_agencies (
  programme_id  uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  agency_id     uuid NOT NULL REFERENCES agencies (id),
  role          text NOT NULL CHECK (role IN ('owner', 'partner', 'participant')),
  PRIMARY KEY (programme_id, agency_id)
);
CREATE UNIQUE INDEX programme_agencies_one_owner ON programme_agencies (programme_id) WHERE role = 'owner';
CREATE INDEX programme_agencies_agency_idx ON programme_agencies (agency_id, programme_id);

-- Funded participant places of an agency in a programme, per calendar year.
CREATE TABLE programme_places (
  programme_id  uuid NOT NULL,
  agency_id     uuid NOT NULL,
  year          integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  places        integer NOT NULL CHECK (places BETWEEN 0 AND 100000),
  PRIMARY KEY (programme_id, agency_id, year),
  FOREIGN KEY (programme_id, agency_id) REFERENCES programme_agencies (programme_id, agency_id) ON DELETE CASCADE
);

-- A client's participation. `agency_id` is the enrolling agency; the row never leaves it.
-- waiting: on the waiting list (no place yet); active: holds a place; exited: the place is free again
-- (an exit without entry date is a withdrawal from the waiting list).
CREATE TABLE enrolments (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id         uuid NOT NULL REFERENCES agencies (id),
  programme_id      uuid NOT NULL REFERENCES programmes (id),
  client_id         uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  status            text NOT NULL CHECK (status IN ('waiting', 'active', 'exited')),
  registered_on     date NOT NULL,
  entry_date        date,
  exit_date         date,
  exit_reason       text CHECK (exit_reason IN ('regular_end', 'employment', 'vocational_training', 'other_measure', 'early_end')),
  early_end_reason  text CHECK (early_end_reason IN ('health', 'lack_of_participation', 'moved_away', 'personal', 'other')),
  employer          text CHECK (length(employer) <= 200),
  project           text CHECK (length(project) <= 200),
  coach_user_id     uuid REFERENCES users (id),
  over_booked       boolean NOT NULL DEFAULT false,
  overbooking_reason text CHECK (length(overbooking_reason) <= 500),
  created_by        uuid,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  CHECK (status <> 'waiting' OR entry_date IS NULL),
  CHECK (status <> 'active' OR entry_date IS NOT NULL),
  CHECK (over_booked = (overbooking_reason IS NOT NULL)),
  CHECK ((status = 'exited') = (exit_date IS NOT NULL AND exit_reason IS NOT NULL)),
  CHECK (exit_date IS NULL OR exit_date >= entry_date),
  CHECK ((exit_reason = 'early_end') = (early_end_reason IS NOT NULL)),
  FOREIGN KEY (programme_id, agency_id) REFERENCES programme_agencies (programme_id, agency_id)
);
CREATE UNIQUE INDEX enrolments_one_open ON enrolments (programme_id, client_id) WHERE status IN ('waiting', 'active');
CREATE INDEX enrolments_programme_idx ON enrolments (agency_id, programme_id, status);
CREATE INDEX enrolments_client_idx ON enrolments (agency_id, client_id);

CREATE TABLE budgets (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id  uuid NOT NULL,
  agency_id     uuid NOT NULL,
  year          integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  funding_line  text NOT NULL CHECK (funding_line IN ('coaching', 'guidance', 'project_assistance', 'participant_costs', 'staff', 'other')),
  amount        numeric(12, 2) NOT NULL CHECK (amount >= 0),
  updated_by    uuid,
  updated_at    timestamptz NOT NULL,
  UNIQUE (programme_id, agency_id, year, funding_line),
  FOREIGN KEY (programme_id, agency_id) REFERENCES programme_agencies (programme_id, agency_id) ON DELETE CASCADE
);

CREATE TABLE expenditures (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id     uuid NOT NULL REFERENCES agencies (id),
  programme_id  uuid NOT NULL,
  funding_line  text NOT NULL CHECK (funding_line IN ('coaching', 'guidance', 'project_assistance', 'participant_costs', 'staff', 'other')),
  amount        numeric(12, 2) NOT NULL CHECK (amount > 0),
  booked_on     date NOT NULL,
  reference     text NOT NULL CHECK (length(reference) BETWEEN 1 AND 100),
  enrolment_id  uuid REFERENCES enrolments (id) ON DELETE SET NULL,
  created_by    uuid,
  created_at    timestamptz NOT NULL,
  FOREIGN KEY (programme_id, agency_id) REFERENCES programme_agencies (programme_id, agency_id)
);
CREATE INDEX expenditures_programme_idx ON expenditures (agency_id, programme_id, booked_on);

-- Membership and management rights of the current actor's agency. SECURITY DEFINER so that the
-- policies below can use them without recursing into their own tables' policies.
CREATE FUNCTION lotse_programme_role(programme uuid) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT role FROM programme_agencies
     WHERE programme_id = programme AND agency_id = lotse_current_agency()
  $$;

CREATE FUNCTION lotse_programme_manager(programme uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT EXISTS (SELECT 1 FROM programme_agencies
                    WHERE programme_id = programme AND agency_id = lotse_current_agency()
                      AND role IN ('owner', 'partner'))
        OR EXISTS (SELECT 1 FROM programmes WHERE id = programme AND owner_agency_id = lotse_current_agency())
  $$;

ALTER TABLE programmes ENABLE ROW LEVEL SECURITY;
CREATE POLICY member_read ON programmes FOR SELECT USING (lotse_programme_role(id) IS NOT NULL);
CREATE POLICY owner_insert ON programmes FOR INSERT WITH CHECK (owner_agency_id = lotse_current_agency());
CREATE POLICY manager_update ON programmes FOR UPDATE USING (lotse_programme_manager(id));

ALTER TABLE programme_agencies ENABLE ROW LEVEL SECURITY;
CREATE POLICY member_read ON programme_agencies FOR SELECT USING (lotse_programme_role(programme_id) IS NOT NULL);
CREATE POLICY manager_insert ON programme_agencies FOR INSERT WITH CHECK (lotse_programme_manager(programme_id));
CREATE POLICY manager_update ON programme_agencies FOR UPDATE USING (lotse_programme_manager(programme_id));
CREATE POLICY manager_delete ON programme_agencies FOR DELETE USING (lotse_programme_manager(programme_id));

ALTER TABLE programme_places ENABLE ROW LEVEL SECURITY;
CREATE POLICY member_read ON programme_places FOR SELECT USING (lotse_programme_role(programme_id) IS NOT NULL);
CREATE POLICY manager_insert ON programme_places FOR INSERT WITH CHECK (lotse_programme_manager(programme_id));
CREATE POLICY manager_update ON programme_places FOR UPDATE USING (lotse_programme_manager(programme_id));
CREATE POLICY manager_delete ON programme_places FOR DELETE USING (lotse_programme_manager(programme_id));

ALTER TABLE enrolments ENABLE ROW LEVEL SECURITY;
CREATE POLICY agency_isolation ON enrolments USING (agency_id = lotse_current_agency());

-- Budgets are plans, not personal data: every member sees them; managers set them for every agency,
-- a participant for itself.
ALTER TABLE budgets ENABLE ROW LEVEL SECURITY;
CREATE POLICY member_read ON budgets FOR SELECT USING (lotse_programme_role(programme_id) IS NOT NULL);
CREATE POLICY budget_insert ON budgets FOR INSERT
  WITH CHECK (lotse_programme_manager(programme_id) OR agency_id = lotse_current_agency());
CREATE POLICY budget_update ON budgets FOR UPDATE
  USING (lotse_programme_manager(programme_id) OR agency_id = lotse_current_agency());

-- Bookings carry receipt references and may point to an enrolment: they stay with their agency.
ALTER TABLE expenditures ENABLE ROW LEVEL SECURITY;
CREATE POLICY agency_isolation ON expenditures USING (agency_id = lotse_current_agency());

-- Names of the agencies of a programme the current agency takes part in (RLS hides other agencies).
CREATE FUNCTION lotse_programme_agency_names(programme uuid) RETURNS TABLE (id uuid, name text, kind text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT a.id, a.name, a.kind FROM programme_agencies pa JOIN agencies a ON a.id = pa.agency_id
     WHERE pa.programme_id = programme AND lotse_programme_role(programme) IS NOT NULL
  $$;

-- All agencies by name, to pick partners and participants of a programme (organisation names only).
CREATE FUNCTION lotse_agency_directory() RETURNS TABLE (id uuid, name text, kind text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT id, name, kind FROM agencies ORDER BY name $$;

-- The narrow path across agencies: counts only, never identities. Managers (owner, partners) get the
-- counts of every agency of the programme, a participant only its own; non-members get nothing.
-- metric/category pairs:
--   entries/''          entries in [p_from, p_to]
--   exits/<reason>      exits in [p_from, p_to] by reason; early_end/<why> for early ends
--                       (withdrawals from the waiting list are not exits)
--   duration_days/''    sum of participation days of those exits (for the average duration)
--   current/''          holding a place at the end of p_to
--   waiting/''          on the waiting list now
--   participants/''     holding a place at any time in the period; gender/<g>, age_group/<g>,
--                       disability/<yes|no|not_recorded> break them down (age at entry)
--   occupied/<YYYY-MM>  holding a place at the end of the month (or at p_to in the last month)
--   month_entries/<YYYY-MM>, month_exits/<YYYY-MM>
CREATE FUNCTION lotse_programme_counts(programme uuid, p_from date, p_to date)
  RETURNS TABLE (agency_id uuid, metric text, category text, n bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    WITH scope AS (
      SELECT e.agency_id, e.status, e.entry_date, e.exit_date, e.exit_reason, e.early_end_reason,
             c.gender, c.birth_date, c.severe_disability
        FROM enrolments e JOIN clients c ON c.id = e.client_id
       WHERE e.programme_id = programme
         AND (lotse_programme_manager(programme)
              OR (lotse_programme_role(programme) IS NOT NULL AND e.agency_id = lotse_current_agency()))
    ),
    months AS (
      SELECT to_char(m, 'YYYY-MM') AS month,
             LEAST((m + interval '1 month' - interval '1 day')::date, p_to) AS stichtag,
             GREATEST(m::date, p_from) AS first_day,
             (m + interval '1 month' - interval '1 day')::date AS last_day
        FROM generate_series(date_trunc('month', p_from::timestamp), date_trunc('month', p_to::timestamp), interval '1 month') AS m
    ),
    participants AS (
      SELECT * FROM scope
       WHERE entry_date IS NOT NULL AND entry_date <= p_to AND (exit_date IS NULL OR exit_date >= p_from)
    )
    SELECT agency_id, 'entries', '', count(*) FROM scope WHERE entry_date BETWEEN p_from AND p_to GROUP BY agency_id
    UNION ALL
    SELECT agency_id, 'exits', exit_reason, count(*) FROM scope WHERE entry_date IS NOT NULL AND exit_date BETWEEN p_from AND p_to GROUP BY agency_id, exit_reason
    UNION ALL
    SELECT agency_id, 'early_end', early_end_reason, count(*) FROM scope
     WHERE entry_date IS NOT NULL AND exit_date BETWEEN p_from AND p_to AND exit_reason = 'early_end'
     GROUP BY agency_id, early_end_reason
    UNION ALL
    SELECT agency_id, 'duration_days', '', sum(exit_date - entry_date + 1) FROM scope
     WHERE entry_date IS NOT NULL AND exit_date BETWEEN p_from AND p_to GROUP BY agency_id
    UNION ALL
    SELECT agency_id, 'current', '', count(*) FROM scope
     WHERE entry_date <= p_to AND (exit_date IS NULL OR exit_date > p_to) GROUP BY agency_id
    UNION ALL
    SELECT agency_id, 'waiting', '', count(*) FROM scope WHERE status = 'waiting' GROUP BY agency_id
    UNION ALL
    SELECT agency_id, 'participants', '', count(*) FROM participants GROUP BY agency_id
    UNION ALL
    SELECT agency_id, 'gender', coalesce(gender, 'not_stated'), count(*) FROM participants GROUP BY 1, 3
    UNION ALL
    SELECT agency_id, 'age_group',
           CASE WHEN extract(year FROM age(entry_date, birth_date)) < 25 THEN 'under_25'
                WHEN extract(year FROM age(entry_date, birth_date)) < 55 THEN '25_to_54'
                ELSE '55_and_over' END,
           count(*) FROM participants GROUP BY 1, 3
    UNION ALL
    SELECT agency_id, 'disability',
           CASE WHEN severe_disability IS NULL THEN 'not_recorded' WHEN severe_disability THEN 'yes' ELSE 'no' END,
           count(*) FROM participants GROUP BY 1, 3
    UNION ALL
    SELECT s.agency_id, 'occupied', m.month, count(*) FROM months m JOIN scope s
        ON s.entry_date <= m.stichtag AND (s.exit_date IS NULL OR s.exit_date >= m.stichtag)
     GROUP BY 1, 3
    UNION ALL
    SELECT s.agency_id, 'month_entries', m.month, count(*) FROM months m JOIN scope s
        ON s.entry_date BETWEEN m.first_day AND LEAST(m.last_day, p_to) GROUP BY 1, 3
    UNION ALL
    SELECT s.agency_id, 'month_exits', m.month, count(*) FROM months m JOIN scope s
        ON s.entry_date IS NOT NULL AND s.exit_date BETWEEN m.first_day AND LEAST(m.last_day, p_to)
     GROUP BY 1, 3
  $$;

-- Spending sums per agency, year and funding line (managers: all agencies; participants: their own).
CREATE FUNCTION lotse_programme_spending(programme uuid, p_from date, p_to date)
  RETURNS TABLE (agency_id uuid, year integer, funding_line text, spent numeric)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT x.agency_id, extract(year FROM x.booked_on)::integer, x.funding_line, sum(x.amount)
      FROM expenditures x
     WHERE x.programme_id = programme AND x.booked_on BETWEEN p_from AND p_to
       AND (lotse_programme_manager(programme)
            OR (lotse_programme_role(programme) IS NOT NULL AND x.agency_id = lotse_current_agency()))
     GROUP BY 1, 2, 3
  $$;

REVOKE ALL ON FUNCTION lotse_programme_counts(uuid, date, date) FROM PUBLIC;
REVOKE ALL ON FUNCTION lotse_programme_spending(uuid, date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lotse_programme_counts(uuid, date, date) TO lotse_app;
GRANT EXECUTE ON FUNCTION lotse_programme_spending(uuid, date, date) TO lotse_app;
