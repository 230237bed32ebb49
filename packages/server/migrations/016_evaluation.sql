-- Evaluation: cohort statistics, instrument reliability and reference values, the memory of released
-- cohort sizes (differencing defence), and research projects with four-eyes approval and exports.
--
-- Figures across agencies leave the database only as counts and sums, through the SECURITY DEFINER
-- functions below (like lotse_programme_counts, decision 0006): no client ids, names, birth dates or
-- answers. The service turns the sums into means, intervals and reliable change classes (domain
-- statistics) and suppresses small cells before anything leaves the server.

-- Whether a client has a recognised disability or a health restriction ('yes'), neither ('no'), or
-- no health data was recorded ('not_recorded': no consent to process health data).
CREATE FUNCTION lotse_disability_status(severe boolean, reduced boolean) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE WHEN severe OR reduced THEN 'yes'
                WHEN severe IS NULL AND reduced IS NULL THEN 'not_recorded'
                ELSE 'no' END
  $$;

-- Age group at a date, as the reports and the research export use it.
CREATE FUNCTION lotse_age_group(birth date, at date) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE WHEN extract(year FROM age(at, birth)) < 25 THEN 'under_25'
                WHEN extract(year FROM age(at, birth)) < 35 THEN '25_to_34'
                WHEN extract(year FROM age(at, birth)) < 45 THEN '35_to_44'
                WHEN extract(year FROM age(at, birth)) < 55 THEN '45_to_54'
                ELSE '55_and_over' END
  $$;

-- The agencies whose clients a cohort may contain for the current actor: the own agency; for a
-- programme, every participating agency when the actor's agency manages it (owner, partner), else
-- only the own agency if it takes part, else none. `requested` (null = all allowed) narrows it.
CREATE FUNCTION lotse_cohort_agencies(programme uuid, requested uuid[]) RETURNS uuid[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT coalesce(array_agg(a.agency_id), '{}')
      FROM (SELECT lotse_current_agency() AS agency_id WHERE programme IS NULL
            UNION
            SELECT pa.agency_id FROM programme_agencies pa
             WHERE programme IS NOT NULL AND pa.programme_id = programme
               AND (lotse_programme_manager(programme)
                    OR (pa.agency_id = lotse_current_agency() AND lotse_programme_role(programme) IS NOT NULL))) a
     WHERE requested IS NULL OR a.agency_id = ANY (requested)
  $$;

-- Filter keys (all optional): programmeId, agencyIds, guideUserId, gender, ageGroup (at intake),
-- disability, legalContext, district, perspective, pair ('latest' = intake to the latest follow-up or
-- exit, 'exit' = intake to exit), from, to (intake date within, follow-up up to `to`).
-- Internal: one row per client of the cohort with the intake and the paired later assessment (or
-- none: attrition). Not granted to lotse_app; only the aggregate functions below call it.
CREATE FUNCTION lotse_cohort_pairs(instrument_key text, f jsonb)
  RETURNS TABLE (agency_id uuid, client_id uuid, intake_scores jsonb, intake_total double precision,
                 later_scores jsonb, later_total double precision)
  LANGUAGE sql STABLE SET search_path = public
  AS $$
    WITH scope AS (
      SELECT unnest(lotse_cohort_agencies(
               (f->>'programmeId')::uuid,
               CASE WHEN f ? 'agencyIds' THEN ARRAY(SELECT jsonb_array_elements_text(f->'agencyIds'))::uuid[] END
             )) AS agency_id
    ),
    intake AS (
      SELECT DISTINCT ON (a.client_id) a.agency_id, a.client_id, a.assessed_on, a.scores, a.total_score
        FROM assessments a
        JOIN scope s ON s.agency_id = a.agency_id
        JOIN instruments i ON i.id = a.instrument_id AND i.key = instrument_key
                          AND (i.agency_id IS NULL OR i.agency_id = lotse_current_agency())
        JOIN clients c ON c.id = a.client_id AND c.agency_id = a.agency_id
       WHERE a.status = 'completed' AND a.occasion = 'intake'
         AND a.perspective = coalesce(f->>'perspective', 'professional')
         AND a.assessed_on BETWEEN coalesce((f->>'from')::date, '-infinity') AND coalesce((f->>'to')::date, 'infinity')
         AND (f->>'gender' IS NULL OR coalesce(c.gender, 'not_stated') = f->>'gender')
         AND (f->>'legalContext' IS NULL OR c.legal_context = f->>'legalContext')
         AND (f->>'district' IS NULL OR c.district = f->>'district')
         AND (f->>'disability' IS NULL
              OR lotse_disability_status(c.severe_disability, c.reduced_earning_capacity) = f->>'disability')
         AND (f->>'ageGroup' IS NULL OR lotse_age_group(c.birth_date, a.assessed_on) = f->>'ageGroup')
         AND (f->>'guideUserId' IS NULL
              OR (a.agency_id = lotse_current_agency()
                  AND EXISTS (SELECT 1 FROM cases k WHERE k.client_id = a.client_id AND k.agency_id = a.agency_id
                                 AND k.guide_user_id = (f->>'guideUserId')::uuid)))
         AND (f->>'programmeId' IS NULL
              OR EXISTS (SELECT 1 FROM enrolments e
                          WHERE e.client_id = a.client_id AND e.agency_id = a.agency_id
                            AND e.programme_id = (f->>'programmeId')::uuid AND e.entry_date IS NOT NULL
                            AND e.entry_date <= coalesce((f->>'to')::date, 'infinity')
                            AND (e.exit_date IS NULL OR e.exit_date >= coalesce((f->>'from')::date, '-infinity'))))
       ORDER BY a.client_id, a.assessed_on, a.id
    ),
    later AS (
      SELECT DISTINCT ON (a.client_id) a.client_id, a.scores, a.total_score
        FROM intake t
        JOIN assessments a ON a.client_id = t.client_id AND a.agency_id = t.agency_id
        JOIN instruments i ON i.id = a.instrument_id AND i.key = instrument_key
                          AND (i.agency_id IS NULL OR i.agency_id = lotse_current_agency())
       WHERE a.status = 'completed' AND a.perspective = coalesce(f->>'perspective', 'professional')
         AND a.assessed_on > t.assessed_on
         AND a.assessed_on <= coalesce((f->>'to')::date, 'infinity')
         AND (CASE WHEN f->>'pair' = 'exit' THEN a.occasion = 'exit' ELSE a.occasion IN ('follow_up', 'exit') END)
       ORDER BY a.client_id, a.assessed_on DESC, a.id DESC
    )
    SELECT t.agency_id, t.client_id, t.scores, t.total_score, l.scores, l.total_score
      FROM intake t LEFT JOIN later l ON l.client_id = t.client_id
  $$;
REVOKE ALL ON FUNCTION lotse_cohort_pairs(text, jsonb) FROM PUBLIC;

-- Per dimension of a cohort (and '_total' for the total score): pairs, sums of t0, t1, change and squared change, and how many changed
-- by more than the dimension's reliable-change threshold (`thresholds`: {dimension: value}) up or down.
CREATE FUNCTION lotse_cohort_change(instrument_key text, f jsonb, thresholds jsonb)
  RETURNS TABLE (dimension text, n bigint, sum_x double precision, sum_y double precision,
                 sum_d double precision, sum_d2 double precision, improved bigint, worsened bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    WITH p AS MATERIALIZED (
      SELECT client_id, intake_scores, intake_total, later_scores, later_total
        FROM lotse_cohort_pairs(instrument_key, f)
       WHERE later_scores IS NOT NULL
    ),
    x AS (
      SELECT p.client_id, s.value->>'dimension' AS dimension, (s.value->>'score')::double precision AS score
        FROM p CROSS JOIN LATERAL jsonb_array_elements(p.intake_scores) s
       WHERE jsonb_typeof(s.value->'score') = 'number'
      UNION ALL
      SELECT p.client_id, '_total', p.intake_total FROM p WHERE p.intake_total IS NOT NULL
    ),
    y AS (
      SELECT p.client_id, s.value->>'dimension' AS dimension, (s.value->>'score')::double precision AS score
        FROM p CROSS JOIN LATERAL jsonb_array_elements(p.later_scores) s
       WHERE jsonb_typeof(s.value->'score') = 'number'
      UNION ALL
      SELECT p.client_id, '_total', p.later_total FROM p WHERE p.later_total IS NOT NULL
    )
    SELECT x.dimension, count(*), sum(x.score), sum(y.score), sum(y.score - x.score),
           sum((y.score - x.score) ^ 2),
           count(*) FILTER (WHERE y.score - x.score > (thresholds->>x.dimension)::double precision),
           count(*) FILTER (WHERE x.score - y.score > (thresholds->>x.dimension)::double precision)
      FROM x JOIN y ON y.client_id = x.client_id AND y.dimension = x.dimension
     GROUP BY x.dimension
  $$;

-- Attrition of a cohort: clients with an intake, how many have a paired later assessment, and the
-- sums of the intake total score of those who stayed and those who did not (to compare them).
CREATE FUNCTION lotse_cohort_attrition(instrument_key text, f jsonb)
  RETURNS TABLE (stayed bigint, dropped bigint,
                 stayed_n bigint, stayed_sum double precision, stayed_sum2 double precision,
                 dropped_n bigint, dropped_sum double precision, dropped_sum2 double precision)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT count(*) FILTER (WHERE later_scores IS NOT NULL),
           count(*) FILTER (WHERE later_scores IS NULL),
           count(intake_total) FILTER (WHERE later_scores IS NOT NULL),
           sum(intake_total) FILTER (WHERE later_scores IS NOT NULL),
           sum(intake_total ^ 2) FILTER (WHERE later_scores IS NOT NULL),
           count(intake_total) FILTER (WHERE later_scores IS NULL),
           sum(intake_total) FILTER (WHERE later_scores IS NULL),
           sum(intake_total ^ 2) FILTER (WHERE later_scores IS NULL)
      FROM lotse_cohort_pairs(instrument_key, f)
  $$;

REVOKE ALL ON FUNCTION lotse_cohort_change(text, jsonb, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION lotse_cohort_attrition(text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lotse_cohort_change(text, jsonb, jsonb) TO lotse_app;
GRANT EXECUTE ON FUNCTION lotse_cohort_attrition(text, jsonb) TO lotse_app;

-- Statistics of the completed assessments of one occasion of an instrument version across every
-- agency that uses it (the basis of reference values and the reliability report), sums only.
-- `dims` = [{"key": dimension, "items": [item keys of its scored scale items]}]. Rows:
--   kind 'total': n = assessments;
--   kind 'score': per dimension (and '_total' for the total score) n, sum and sum of squares of the score, n_floor (0) and n_ceiling (100);
--   kind 'item':  per item n answered (a number), sum and sum of squares of the raw answer;
--   kind 'pair':  per dimension and pair of items over the complete cases (every item answered):
--                 n, sum of a, sum of b, sum of a*b (a = b gives the squares).
CREATE FUNCTION lotse_instrument_statistics(instrument uuid, p_perspective text, p_occasion text, dims jsonb)
  RETURNS TABLE (kind text, dimension text, item_a text, item_b text, n bigint, n_floor bigint,
                 n_ceiling bigint, sum_a double precision, sum_b double precision, sum_ab double precision)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    WITH a AS (
      SELECT answers, scores, total_score FROM assessments
       WHERE instrument_id = instrument AND status = 'completed' AND perspective = p_perspective
         AND occasion = p_occasion
    ),
    d AS (
      SELECT x->>'key' AS dimension, ARRAY(SELECT jsonb_array_elements_text(x->'items')) AS items
        FROM jsonb_array_elements(dims) x
    ),
    complete AS (
      SELECT d.dimension, d.items, a.answers FROM a CROSS JOIN d
       WHERE cardinality(d.items) > 0
         AND NOT EXISTS (SELECT 1 FROM unnest(d.items) k WHERE jsonb_typeof(a.answers->k) IS DISTINCT FROM 'number')
    )
    SELECT 'total', NULL, NULL, NULL, count(*), NULL::bigint, NULL::bigint, NULL::float8, NULL::float8, NULL::float8 FROM a
    UNION ALL
    SELECT 'score', s.value->>'dimension', NULL, NULL, count(*),
           count(*) FILTER (WHERE (s.value->>'score')::float8 = 0),
           count(*) FILTER (WHERE (s.value->>'score')::float8 = 100),
           sum((s.value->>'score')::float8), NULL, sum(((s.value->>'score')::float8) ^ 2)
      FROM a CROSS JOIN LATERAL jsonb_array_elements(a.scores) s
     WHERE jsonb_typeof(s.value->'score') = 'number'
     GROUP BY 2
    UNION ALL
    SELECT 'score', '_total', NULL, NULL, count(total_score),
           count(*) FILTER (WHERE total_score = 0), count(*) FILTER (WHERE total_score = 100),
           sum(total_score), NULL, sum(total_score ^ 2)
      FROM a
    UNION ALL
    SELECT 'item', d.dimension, k, NULL, count(*), NULL, NULL,
           sum((a.answers->>k)::float8), NULL, sum(((a.answers->>k)::float8) ^ 2)
      FROM a CROSS JOIN d CROSS JOIN LATERAL unnest(d.items) k
     WHERE jsonb_typeof(a.answers->k) = 'number'
     GROUP BY d.dimension, k
    UNION ALL
    SELECT 'pair', c.dimension, ka, kb, count(*), NULL, NULL,
           sum((c.answers->>ka)::float8), sum((c.answers->>kb)::float8),
           sum((c.answers->>ka)::float8 * (c.answers->>kb)::float8)
      FROM complete c CROSS JOIN LATERAL unnest(c.items) ka CROSS JOIN LATERAL unnest(c.items) kb
     GROUP BY c.dimension, ka, kb
  $$;
REVOKE ALL ON FUNCTION lotse_instrument_statistics(uuid, text, text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lotse_instrument_statistics(uuid, text, text, jsonb) TO lotse_app;

-- Estimated RCI reference values per instrument version, perspective and dimension (aggregates of
-- all agencies' intake assessments; no agency data). Re-estimated when older than a day.
CREATE TABLE instrument_reference_values (
  instrument_id  uuid NOT NULL REFERENCES instruments (id),
  perspective    text NOT NULL CHECK (perspective IN ('self', 'professional')),
  dimension      text NOT NULL,
  n              integer NOT NULL CHECK (n >= 0),
  sd             double precision,
  alpha          double precision,
  alpha_n        integer NOT NULL CHECK (alpha_n >= 0),
  estimated_at   timestamptz NOT NULL,
  PRIMARY KEY (instrument_id, perspective, dimension)
);
REVOKE DELETE ON instrument_reference_values FROM lotse_app;

-- Cohort sizes released to a requester: a cohort whose size differs from a recently released one
-- by fewer than the small-cell threshold is refused (two overlapping cohorts must not reveal the
-- change of the few people in which they differ).
CREATE TABLE cohort_releases (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id    uuid NOT NULL REFERENCES agencies (id),
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  scope        text NOT NULL CHECK (length(scope) <= 200),
  filter_key   text NOT NULL CHECK (length(filter_key) <= 2000),
  paired       integer NOT NULL CHECK (paired >= 0),
  intake       integer NOT NULL CHECK (intake >= 0),
  released_at  timestamptz NOT NULL
);
CREATE INDEX cohort_releases_user_idx ON cohort_releases (agency_id, user_id, scope, released_at);
ALTER TABLE cohort_releases ENABLE ROW LEVEL SECURITY;
ALTER TABLE cohort_releases FORCE ROW LEVEL SECURITY;
CREATE POLICY agency_isolation ON cohort_releases
  USING (agency_id = lotse_current_agency()) WITH CHECK (agency_id = lotse_current_agency());
REVOKE UPDATE ON cohort_releases FROM lotse_app;

-- Research projects: a researcher's agency files a project; each data-giving agency approves it
-- (a lead or admin, never the requester). Exports hold pseudonymised rows only (HMAC under the
-- project's key, computed by the server) and expire.
CREATE TABLE research_projects (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id      uuid NOT NULL REFERENCES agencies (id),
  requested_by   uuid NOT NULL REFERENCES users (id),
  title          text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  purpose        text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 4000),
  legal_basis    text NOT NULL CHECK (length(legal_basis) BETWEEN 1 AND 500),
  period_from    date NOT NULL,
  period_to      date NOT NULL,
  fields         text[] NOT NULL DEFAULT '{}',
  -- 32 random bytes: pseudonyms are stable within the project and unlinkable across projects.
  pseudonym_key  bytea NOT NULL CHECK (length(pseudonym_key) = 32),
  created_at     timestamptz NOT NULL,
  CHECK (period_to >= period_from)
);
CREATE INDEX research_projects_agency_idx ON research_projects (agency_id, created_at);

CREATE TABLE research_project_agencies (
  project_id           uuid NOT NULL REFERENCES research_projects (id) ON DELETE CASCADE,
  agency_id            uuid NOT NULL REFERENCES agencies (id),
  requester_agency_id  uuid NOT NULL REFERENCES agencies (id),
  approved_by          uuid REFERENCES users (id),
  approved_at          timestamptz,
  PRIMARY KEY (project_id, agency_id),
  CHECK ((approved_by IS NULL) = (approved_at IS NULL))
);
CREATE INDEX research_project_agencies_agency_idx ON research_project_agencies (agency_id, project_id);

CREATE TABLE research_exports (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id   uuid NOT NULL REFERENCES agencies (id),
  project_id  uuid NOT NULL REFERENCES research_projects (id) ON DELETE CASCADE,
  created_by  uuid NOT NULL REFERENCES users (id),
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  k           integer NOT NULL CHECK (k >= 1),
  row_count   integer NOT NULL CHECK (row_count >= 0),
  -- The pseudonymised table (columns and rows), emptied when the export expires.
  content     jsonb,
  CHECK (expires_at > created_at)
);
CREATE INDEX research_exports_project_idx ON research_exports (agency_id, project_id);

-- Whether the current agency gives data to a project (SECURITY DEFINER: no policy recursion).
CREATE FUNCTION lotse_research_giver(project uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT EXISTS (SELECT 1 FROM research_project_agencies
                    WHERE project_id = project AND agency_id = lotse_current_agency())
  $$;

ALTER TABLE research_projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE research_projects FORCE ROW LEVEL SECURITY;
CREATE POLICY requester_or_giver ON research_projects
  USING (agency_id = lotse_current_agency() OR lotse_research_giver(id))
  WITH CHECK (agency_id = lotse_current_agency());
ALTER TABLE research_project_agencies ENABLE ROW LEVEL SECURITY;
ALTER TABLE research_project_agencies FORCE ROW LEVEL SECURITY;
CREATE POLICY read_requester_or_giver ON research_project_agencies FOR SELECT
  USING (agency_id = lotse_current_agency() OR requester_agency_id = lotse_current_agency());
CREATE POLICY requester_files ON research_project_agencies FOR INSERT
  WITH CHECK (requester_agency_id = lotse_current_agency() AND approved_by IS NULL);
-- Only the data-giving agency records its approval.
CREATE POLICY giver_approves ON research_project_agencies FOR UPDATE
  USING (agency_id = lotse_current_agency()) WITH CHECK (agency_id = lotse_current_agency());
ALTER TABLE research_exports ENABLE ROW LEVEL SECURITY;
ALTER TABLE research_exports FORCE ROW LEVEL SECURITY;
CREATE POLICY agency_isolation ON research_exports
  USING (agency_id = lotse_current_agency()) WITH CHECK (agency_id = lotse_current_agency());
REVOKE DELETE ON research_projects, research_project_agencies, research_exports FROM lotse_app;

-- The rows of a research export for the requesting agency, once every data-giving agency approved:
-- one row per completed assessment in the project period of a client with an active research consent.
-- Quasi-identifiers come generalised (age group at the first assessment in the period, disability
-- yes/no/not recorded); names, birth dates, addresses and answers never leave. client_id is only for
-- the server's pseudonym (HMAC) and is never part of the export.
CREATE FUNCTION lotse_research_rows(project uuid)
  RETURNS TABLE (client_id uuid, instrument_key text, perspective text, occasion text,
                 months_since_intake integer, scores jsonb, programme text, outcome text,
                 age_group text, gender text, disability text, district text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    WITH p AS (
      SELECT id, period_from, period_to FROM research_projects
       WHERE id = project AND agency_id = lotse_current_agency()
         AND NOT EXISTS (SELECT 1 FROM research_project_agencies g
                          WHERE g.project_id = project AND g.approved_at IS NULL)
    ),
    givers AS (
      SELECT g.agency_id FROM research_project_agencies g JOIN p ON p.id = g.project_id
    ),
    consenting AS (
      SELECT c.id, c.agency_id, c.birth_date, c.gender, c.district,
             lotse_disability_status(c.severe_disability, c.reduced_earning_capacity) AS disability
        FROM clients c JOIN givers g ON g.agency_id = c.agency_id
       WHERE c.anonymised_at IS NULL
         AND EXISTS (SELECT 1 FROM consents k WHERE k.client_id = c.id AND k.agency_id = c.agency_id
                        AND k.purpose = 'research' AND k.withdrawn_at IS NULL)
    ),
    rows AS (
      SELECT a.client_id, i.key AS instrument_key, a.perspective, a.occasion, a.assessed_on, a.scores,
             min(a.assessed_on) OVER (PARTITION BY a.client_id, i.key, a.perspective) AS first_on,
             min(a.assessed_on) OVER (PARTITION BY a.client_id) AS client_first_on
        FROM assessments a
        JOIN consenting c ON c.id = a.client_id AND c.agency_id = a.agency_id
        JOIN instruments i ON i.id = a.instrument_id AND i.agency_id IS NULL
        CROSS JOIN p
       WHERE a.status = 'completed' AND a.assessed_on BETWEEN p.period_from AND p.period_to
    )
    SELECT r.client_id, r.instrument_key, r.perspective, r.occasion,
           ((extract(year FROM age(r.assessed_on, r.first_on)) * 12)
             + extract(month FROM age(r.assessed_on, r.first_on)))::integer,
           r.scores,
           (SELECT g.name FROM enrolments e JOIN programmes g ON g.id = e.programme_id
             WHERE e.client_id = r.client_id AND e.agency_id = c.agency_id AND e.entry_date IS NOT NULL
             ORDER BY e.entry_date DESC LIMIT 1),
           (SELECT k.outcome FROM cases k WHERE k.client_id = r.client_id AND k.agency_id = c.agency_id
             ORDER BY k.opened_on DESC LIMIT 1),
           lotse_age_group(c.birth_date, r.client_first_on), coalesce(c.gender, 'not_stated'), c.disability,
           c.district
      FROM rows r JOIN consenting c ON c.id = r.client_id
     ORDER BY r.client_id, r.assessed_on, r.perspective
  $$;
REVOKE ALL ON FUNCTION lotse_research_rows(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lotse_research_rows(uuid) TO lotse_app;
