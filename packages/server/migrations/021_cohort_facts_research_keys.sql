-- Evaluation, part 3: a narrow score table that keeps the cohort report fast at state scale, one
-- pairing pass per report, and research pseudonym keys the application cannot read.

-- 1. Scores of completed assessments as numbers (assessment_facts)
--
-- One row per completed assessment with its dimension scores as a float8[] in the order of the
-- instrument version's dimensions (NULL where a dimension has no score) and the total score. The
-- cohort report pairs and sums these rows instead of parsing the scores jsonb of every assessment
-- (a few hundred bytes of compressed jsonb per row against 13 numbers).
--
-- It is derived data kept correct in the same transaction as its source, never refreshed later:
-- statement-level triggers on assessments rewrite the rows of every inserted or updated assessment
-- (completion, amendment, re-scoring, a changed date or occasion), a deleted assessment (also when its
-- client is deleted) takes its row with it (ON DELETE CASCADE), and a changed definition of an
-- instrument version (only drafts can change) rebuilds that version's rows. Only SECURITY DEFINER
-- code reads or writes it; the application role has no privilege on it.
CREATE TABLE assessment_facts (
  assessment_id  uuid PRIMARY KEY REFERENCES assessments (id) ON DELETE CASCADE,
  agency_id      uuid NOT NULL,
  client_id      uuid NOT NULL,
  instrument_id  uuid NOT NULL,
  perspective    text NOT NULL,
  occasion       text NOT NULL,
  assessed_on    date NOT NULL,
  total          double precision,
  scores         double precision[] NOT NULL
);
CREATE INDEX assessment_facts_client_idx ON assessment_facts (agency_id, client_id, assessed_on);
ALTER TABLE assessment_facts ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessment_facts FORCE ROW LEVEL SECURITY;
-- No agency policy: only the system scope (SECURITY DEFINER functions) sees rows.
SELECT lotse_protect_table('assessment_facts');
REVOKE ALL ON assessment_facts FROM lotse_app;
GRANT SELECT, INSERT, DELETE ON assessment_facts TO lotse_definer;

-- The scores of an assessment as numbers in the order of its instrument version's dimension keys.
CREATE FUNCTION lotse_score_vector(keys text[], scores jsonb) RETURNS double precision[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT coalesce(array_agg(CASE WHEN jsonb_typeof(m.o->k.key) = 'number' THEN (m.o->>k.key)::double precision END
                              ORDER BY k.pos), '{}')
      FROM (SELECT jsonb_object_agg(e->>'dimension', e->'score') AS o FROM jsonb_array_elements(scores) e) m
     CROSS JOIN unnest(keys) WITH ORDINALITY k(key, pos)
  $$;

-- The dimension keys of instrument versions, in order.
CREATE FUNCTION lotse_dimension_keys(definition jsonb) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT coalesce(array_agg(d->>'key' ORDER BY o), '{}')
      FROM jsonb_array_elements(definition->'dimensions') WITH ORDINALITY x(d, o)
  $$;

CREATE FUNCTION lotse_assessment_facts_sync() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM assessment_facts f USING old_rows o WHERE f.assessment_id = o.id;
  END IF;
  INSERT INTO assessment_facts (assessment_id, agency_id, client_id, instrument_id, perspective, occasion,
                                assessed_on, total, scores)
  SELECT n.id, n.agency_id, n.client_id, n.instrument_id, n.perspective, n.occasion, n.assessed_on,
         n.total_score, lotse_score_vector(v.keys, n.scores)
    FROM new_rows n
    -- Each version's keys once per statement (a definition is large; not detoasted per row).
    JOIN (SELECT i.id, lotse_dimension_keys(i.definition) AS keys FROM instruments i
           WHERE i.id IN (SELECT instrument_id FROM new_rows)) v ON v.id = n.instrument_id
   WHERE n.status = 'completed';
  RETURN NULL;
END
$$;
CREATE TRIGGER assessment_facts_insert AFTER INSERT ON assessments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lotse_assessment_facts_sync();
CREATE TRIGGER assessment_facts_update AFTER UPDATE ON assessments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lotse_assessment_facts_sync();

CREATE FUNCTION lotse_assessment_facts_rebuild() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
BEGIN
  DELETE FROM assessment_facts WHERE instrument_id = NEW.id;
  INSERT INTO assessment_facts (assessment_id, agency_id, client_id, instrument_id, perspective, occasion,
                                assessed_on, total, scores)
  SELECT a.id, a.agency_id, a.client_id, a.instrument_id, a.perspective, a.occasion, a.assessed_on,
         a.total_score, lotse_score_vector(lotse_dimension_keys(NEW.definition), a.scores)
    FROM assessments a WHERE a.instrument_id = NEW.id AND a.status = 'completed';
  RETURN NULL;
END
$$;
CREATE TRIGGER assessment_facts_definition AFTER UPDATE OF definition ON instruments
  FOR EACH ROW WHEN (OLD.definition IS DISTINCT FROM NEW.definition)
  EXECUTE FUNCTION lotse_assessment_facts_rebuild();
REVOKE ALL ON FUNCTION lotse_assessment_facts_sync() FROM PUBLIC;
REVOKE ALL ON FUNCTION lotse_assessment_facts_rebuild() FROM PUBLIC;

INSERT INTO assessment_facts (assessment_id, agency_id, client_id, instrument_id, perspective, occasion,
                              assessed_on, total, scores)
SELECT a.id, a.agency_id, a.client_id, a.instrument_id, a.perspective, a.occasion, a.assessed_on, a.total_score,
       lotse_score_vector(v.keys, a.scores)
  FROM assessments a
  JOIN (SELECT id, lotse_dimension_keys(definition) AS keys FROM instruments) v ON v.id = a.instrument_id
 WHERE a.status = 'completed';

-- 2. The cohort pairing as one query planned for the actual filter
--
-- The pairing of 016 was a SQL function: planned once for any filter (every condition an OR with
-- "not set"), its estimates were off by orders of magnitude and the later assessments were re-sorted
-- for every intake row (99 s programme-wide at 20,000 clients). Now the pairing is built as text for
-- the filter at hand (only the set conditions, values quoted as literals) over assessment_facts, and
-- the agency scope and the instrument versions are computed once, before the query.
-- Same pairs as before: per client of the cohort the first intake in the period, and the latest
-- follow-up (or exit) of the same instrument key, perspective and agency after it, up to `to`.

-- Internal: the SQL text of the pairs of a cohort, columns agency_id, client_id, intake_version,
-- intake_scores, intake_total, later_version, later_scores, later_total (later_* NULL: attrition).
CREATE FUNCTION lotse_cohort_pairs_sql(instrument_key text, f jsonb) RETURNS text
  LANGUAGE plpgsql STABLE SET search_path = public
  AS $fn$
DECLARE
  agencies uuid[] := lotse_cohort_agencies(
    (f->>'programmeId')::uuid,
    CASE WHEN f ? 'agencyIds' THEN ARRAY(SELECT jsonb_array_elements_text(f->'agencyIds'))::uuid[] END);
  versions uuid[] := ARRAY(SELECT i.id FROM instruments i
                            WHERE i.key = instrument_key
                              AND (i.agency_id IS NULL OR i.agency_id = lotse_current_agency()));
  perspective text := coalesce(f->>'perspective', 'professional');
  from_on date := coalesce((f->>'from')::date, '-infinity');
  to_on date := coalesce((f->>'to')::date, 'infinity');
  client_join text := '';
  cond text := '';
BEGIN
  IF f ?| ARRAY['gender', 'legalContext', 'district', 'disability', 'ageGroup'] THEN
    client_join := 'JOIN clients c ON c.id = a.client_id AND c.agency_id = a.agency_id';
  END IF;
  IF f ? 'gender' THEN
    cond := cond || format(' AND coalesce(c.gender, %L) = %L', 'not_stated', f->>'gender');
  END IF;
  IF f ? 'legalContext' THEN
    cond := cond || format(' AND c.legal_context = %L', f->>'legalContext');
  END IF;
  IF f ? 'district' THEN
    cond := cond || format(' AND c.district = %L', f->>'district');
  END IF;
  IF f ? 'disability' THEN
    cond := cond || format(' AND lotse_disability_status(c.severe_disability, c.reduced_earning_capacity) = %L',
                           f->>'disability');
  END IF;
  IF f ? 'ageGroup' THEN
    cond := cond || format(' AND lotse_age_group(c.birth_date, a.assessed_on) = %L', f->>'ageGroup');
  END IF;
  IF f ? 'guideUserId' THEN
    cond := cond || format(
      ' AND a.agency_id = lotse_current_agency()
        AND EXISTS (SELECT 1 FROM cases k WHERE k.client_id = a.client_id AND k.agency_id = a.agency_id
                       AND k.guide_user_id = %L::uuid)', f->>'guideUserId');
  END IF;
  IF f ? 'programmeId' THEN
    cond := cond || format(
      ' AND EXISTS (SELECT 1 FROM enrolments e
                     WHERE e.client_id = a.client_id AND e.agency_id = a.agency_id
                       AND e.programme_id = %L::uuid AND e.entry_date IS NOT NULL AND e.entry_date <= %L::date
                       AND (e.exit_date IS NULL OR e.exit_date >= %L::date))', f->>'programmeId', to_on, from_on);
  END IF;
  RETURN format($q$
    WITH intake AS MATERIALIZED (
      SELECT DISTINCT ON (a.client_id) a.agency_id, a.client_id, a.assessed_on, a.instrument_id, a.scores, a.total
        FROM assessment_facts a %s
       WHERE a.agency_id = ANY (%L::uuid[]) AND a.instrument_id = ANY (%L::uuid[])
         AND a.occasion = 'intake' AND a.perspective = %L AND a.assessed_on BETWEEN %L::date AND %L::date %s
       ORDER BY a.client_id, a.assessed_on, a.assessment_id
    ),
    later AS MATERIALIZED (
      SELECT DISTINCT ON (a.client_id) a.client_id, a.instrument_id, a.scores, a.total
        FROM intake t
        JOIN assessment_facts a ON a.agency_id = t.agency_id AND a.client_id = t.client_id
       WHERE a.instrument_id = ANY (%L::uuid[]) AND a.perspective = %L AND a.occasion = ANY (%L::text[])
         AND a.assessed_on > t.assessed_on AND a.assessed_on <= %L::date
       ORDER BY a.client_id, a.assessed_on DESC, a.assessment_id DESC
    )
    SELECT t.agency_id, t.client_id, t.instrument_id AS intake_version, t.scores AS intake_scores,
           t.total AS intake_total, l.instrument_id AS later_version, l.scores AS later_scores,
           l.total AS later_total
      FROM intake t LEFT JOIN later l ON l.client_id = t.client_id
    $q$,
    client_join, agencies, versions, perspective, from_on, to_on, cond,
    versions, perspective,
    CASE WHEN f->>'pair' = 'exit' THEN ARRAY['exit'] ELSE ARRAY['follow_up', 'exit'] END, to_on);
END
$fn$;
REVOKE ALL ON FUNCTION lotse_cohort_pairs_sql(text, jsonb) FROM PUBLIC;

-- Internal (not granted to lotse_app): one row per client of the cohort, as before but with the
-- scores as numbers in the order of the version's dimensions.
DROP FUNCTION lotse_cohort_change(text, jsonb, jsonb);
DROP FUNCTION lotse_cohort_attrition(text, jsonb);
DROP FUNCTION lotse_cohort_pairs(text, jsonb);
CREATE FUNCTION lotse_cohort_pairs(instrument_key text, f jsonb)
  RETURNS TABLE (agency_id uuid, client_id uuid, intake_version uuid, intake_scores double precision[],
                 intake_total double precision, later_version uuid, later_scores double precision[],
                 later_total double precision)
  LANGUAGE plpgsql STABLE SET search_path = public
  AS $$
BEGIN
  RETURN QUERY EXECUTE lotse_cohort_pairs_sql(instrument_key, f);
END
$$;
REVOKE ALL ON FUNCTION lotse_cohort_pairs(text, jsonb) FROM PUBLIC;

-- All sums of a cohort report from one pairing pass (counts and sums only):
--   kind 'change', per dimension key and '_total': pairs n, sums of t0 (sum_x), t1 (sum_y), change
--     and squared change, how many changed by more than the dimension's reliable-change threshold
--     (`thresholds`: {dimension: value}) up (improved) or down (worsened);
--   kind 'stayed' / 'dropped': clients with / without a paired later assessment (n), and over those
--     with an intake total score their number (scored), sum (sum_x) and sum of squares (sum_d2).
-- An intake and a follow-up of different versions of the key are paired by dimension key.
CREATE FUNCTION lotse_cohort_sums(instrument_key text, f jsonb, thresholds jsonb)
  RETURNS TABLE (kind text, dimension text, n bigint, scored bigint, sum_x double precision,
                 sum_y double precision, sum_d double precision, sum_d2 double precision, improved bigint,
                 worsened bigint)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public SET work_mem = '64MB'
  AS $fn$
BEGIN
  RETURN QUERY EXECUTE format($q$
    WITH p AS MATERIALIZED (%s),
    v AS (
      SELECT i.id, lotse_dimension_keys(i.definition) AS keys
        FROM instruments i WHERE i.id IN (SELECT intake_version FROM p UNION SELECT later_version FROM p)
    ),
    vt AS (
      SELECT v.id, v.keys, ARRAY(SELECT (%2$L::jsonb->>k)::double precision FROM unnest(v.keys) WITH ORDINALITY u(k, o)
                                  ORDER BY o) AS thr
        FROM v
    ),
    paired AS (
      SELECT p.intake_version AS vid, vt.thr, p.intake_scores AS xs,
             CASE WHEN p.later_version = p.intake_version THEN p.later_scores
                  ELSE ARRAY(SELECT p.later_scores[array_position(lv.keys, k)]
                               FROM unnest(vt.keys) WITH ORDINALITY u(k, o) ORDER BY o) END AS ys,
             p.intake_total AS xt, p.later_total AS yt
        FROM p JOIN vt ON vt.id = p.intake_version JOIN vt lv ON lv.id = p.later_version
    ),
    by_position AS (
      SELECT pr.vid, u.o, count(*) AS n, sum(u.x) AS sx, sum(u.y) AS sy, sum(u.y - u.x) AS sd,
             sum((u.y - u.x) ^ 2) AS sd2,
             count(*) FILTER (WHERE u.y - u.x > u.t) AS up, count(*) FILTER (WHERE u.x - u.y > u.t) AS down
        FROM paired pr CROSS JOIN LATERAL unnest(pr.xs, pr.ys, pr.thr) WITH ORDINALITY u(x, y, t, o)
       WHERE u.x IS NOT NULL AND u.y IS NOT NULL
       GROUP BY pr.vid, u.o
    )
    SELECT 'change'::text, v.keys[b.o], sum(b.n)::bigint, NULL::bigint, sum(b.sx), sum(b.sy), sum(b.sd),
           sum(b.sd2), sum(b.up)::bigint, sum(b.down)::bigint
      FROM by_position b JOIN v ON v.id = b.vid
     GROUP BY v.keys[b.o]
    UNION ALL
    SELECT 'change', '_total', count(*), NULL, sum(xt), sum(yt), sum(yt - xt), sum((yt - xt) ^ 2),
           count(*) FILTER (WHERE yt - xt > (%2$L::jsonb->>'_total')::double precision),
           count(*) FILTER (WHERE xt - yt > (%2$L::jsonb->>'_total')::double precision)
      FROM paired WHERE xt IS NOT NULL AND yt IS NOT NULL
    HAVING count(*) > 0
    UNION ALL
    SELECT CASE WHEN later_version IS NULL THEN 'dropped' ELSE 'stayed' END, NULL, count(*), count(intake_total),
           sum(intake_total), NULL, NULL, sum(intake_total ^ 2), NULL, NULL
      FROM p GROUP BY later_version IS NULL
    $q$, lotse_cohort_pairs_sql(instrument_key, f), thresholds);
END
$fn$;
REVOKE ALL ON FUNCTION lotse_cohort_sums(text, jsonb, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lotse_cohort_sums(text, jsonb, jsonb) TO lotse_app;

-- The two functions of 016, kept with their results for other callers, now over the same pass.
CREATE FUNCTION lotse_cohort_change(instrument_key text, f jsonb, thresholds jsonb)
  RETURNS TABLE (dimension text, n bigint, sum_x double precision, sum_y double precision,
                 sum_d double precision, sum_d2 double precision, improved bigint, worsened bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT s.dimension, s.n, s.sum_x, s.sum_y, s.sum_d, s.sum_d2, s.improved, s.worsened
      FROM lotse_cohort_sums(instrument_key, f, thresholds) s WHERE s.kind = 'change'
  $$;
CREATE FUNCTION lotse_cohort_attrition(instrument_key text, f jsonb)
  RETURNS TABLE (stayed bigint, dropped bigint,
                 stayed_n bigint, stayed_sum double precision, stayed_sum2 double precision,
                 dropped_n bigint, dropped_sum double precision, dropped_sum2 double precision)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT coalesce(sum(n) FILTER (WHERE kind = 'stayed'), 0)::bigint,
           coalesce(sum(n) FILTER (WHERE kind = 'dropped'), 0)::bigint,
           coalesce(sum(scored) FILTER (WHERE kind = 'stayed'), 0)::bigint,
           sum(sum_x) FILTER (WHERE kind = 'stayed'), sum(sum_d2) FILTER (WHERE kind = 'stayed'),
           coalesce(sum(scored) FILTER (WHERE kind = 'dropped'), 0)::bigint,
           sum(sum_x) FILTER (WHERE kind = 'dropped'), sum(sum_d2) FILTER (WHERE kind = 'dropped')
      FROM lotse_cohort_sums(instrument_key, f, '{}') WHERE kind IN ('stayed', 'dropped')
  $$;
REVOKE ALL ON FUNCTION lotse_cohort_change(text, jsonb, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION lotse_cohort_attrition(text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lotse_cohort_change(text, jsonb, jsonb) TO lotse_app;
GRANT EXECUTE ON FUNCTION lotse_cohort_attrition(text, jsonb) TO lotse_app;

-- 3. Research pseudonym keys out of the application's reach
--
-- The key of a project was a column of research_projects, readable by everyone who may read the
-- project (the requester, the data-giving agencies' leads). It now lives in a table the application
-- role has no privilege on; the server hands in the random key once when the project is filed
-- (lotse_research_key_set) and the export function computes the pseudonyms (HMAC-SHA256 after RFC
-- 2104 with the core sha256(), no extension; byte-identical to the server's former createHmac, so
-- existing projects keep their pseudonyms). The key never leaves the database again.
CREATE TABLE research_project_keys (
  project_id     uuid PRIMARY KEY REFERENCES research_projects (id) ON DELETE CASCADE,
  pseudonym_key  bytea NOT NULL CHECK (length(pseudonym_key) = 32)
);
ALTER TABLE research_project_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE research_project_keys FORCE ROW LEVEL SECURITY;
SELECT lotse_protect_table('research_project_keys');
REVOKE ALL ON research_project_keys FROM lotse_app;
GRANT SELECT, INSERT ON research_project_keys TO lotse_definer;

INSERT INTO research_project_keys (project_id, pseudonym_key) SELECT id, pseudonym_key FROM research_projects;
ALTER TABLE research_projects DROP COLUMN pseudonym_key;

-- The requesting agency stores the key of its new project once (the server generated it).
CREATE FUNCTION lotse_research_key_set(project uuid, k bytea) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM research_projects WHERE id = project AND agency_id = lotse_current_agency()) THEN
    RAISE EXCEPTION 'research project % not found', project USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO research_project_keys (project_id, pseudonym_key) VALUES (project, k);
END
$$;
REVOKE ALL ON FUNCTION lotse_research_key_set(uuid, bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lotse_research_key_set(uuid, bytea) TO lotse_app;

-- The rows of a research export as in 016, with the pseudonym (first 32 hex digits of the HMAC of the
-- client id under the project's key) instead of the client id.
DROP FUNCTION lotse_research_rows(uuid);
CREATE FUNCTION lotse_research_rows(project uuid)
  RETURNS TABLE (pseudonym text, instrument_key text, perspective text, occasion text,
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
    pads AS MATERIALIZED (
      -- The HMAC's padded keys once per export, not per row.
      SELECT decode(string_agg(lpad(to_hex(get_byte(x.k, i) # 54), 2, '0'), '' ORDER BY i), 'hex') AS inner_pad,
             decode(string_agg(lpad(to_hex(get_byte(x.k, i) # 92), 2, '0'), '' ORDER BY i), 'hex') AS outer_pad
        FROM (SELECT r.pseudonym_key || decode(repeat('00', 32), 'hex') AS k
                FROM research_project_keys r JOIN p ON p.id = r.project_id) x
       CROSS JOIN generate_series(0, 63) i
      HAVING count(*) > 0
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
    SELECT left(encode(sha256(h.outer_pad || sha256(h.inner_pad || convert_to(r.client_id::text, 'UTF8'))), 'hex'), 32),
           r.instrument_key, r.perspective, r.occasion,
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
      FROM rows r JOIN consenting c ON c.id = r.client_id CROSS JOIN pads h
     ORDER BY r.client_id, r.assessed_on, r.perspective
  $$;
REVOKE ALL ON FUNCTION lotse_research_rows(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lotse_research_rows(uuid) TO lotse_app;
