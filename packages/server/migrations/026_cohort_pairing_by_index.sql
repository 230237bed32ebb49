-- The cohort pairing of 021 found each intake's later assessment by hashing every later score row of
-- the installation (800,000 rows for a state-wide report of 40,000 clients, spilling to disk) and
-- sorting the matches; the first intake came from sorting all of the cohort's intake rows. Measured on
-- the state-wide bench (200,000 clients), the pairing took 1.2 to 1.4 s of the report's 1.5 s.
--
-- Now both picks are index probes on assessment_facts (agency_id, client_id, assessed_on,
-- assessment_id); with the id in the index a probe reads the rows in the pairing's order and stops at
-- the first that fits, without sorting the client's rows for the tie-break:
--   - an intake is the first one when no earlier intake of the same key, perspective and period exists
--     (an anti-join; a client's assessments all carry the client's agency, so "per client" and "per
--     agency and client" are the same);
--   - the later assessment is the latest after the intake up to `to` (a LATERAL probe, LIMIT 1).
-- Same pairs as before: cohort-pairing.test.ts compares them with a reference computed from the score
-- rows in TypeScript, for filters by period, pairing, perspective and age group.
CREATE INDEX assessment_facts_pairing_idx ON assessment_facts (agency_id, client_id, assessed_on, assessment_id);
DROP INDEX assessment_facts_client_idx;

CREATE OR REPLACE FUNCTION lotse_cohort_pairs_sql(instrument_key text, f jsonb) RETURNS text
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
  earlier_cond text := '';
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
    -- The only condition that depends on the intake's date: an earlier intake counts only in the group.
    earlier_cond := format(' AND lotse_age_group(c.birth_date, b.assessed_on) = %L', f->>'ageGroup');
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
  -- The first intake that meets the conditions, as before: all conditions but the age group depend on
  -- the client only, so an earlier intake of the same client meets them too.
  RETURN format($q$
    WITH intake AS MATERIALIZED (
      SELECT a.agency_id, a.client_id, a.assessed_on, a.instrument_id, a.scores, a.total
        FROM assessment_facts a %1$s
       WHERE a.agency_id = ANY (%2$L::uuid[]) AND a.instrument_id = ANY (%3$L::uuid[])
         AND a.occasion = 'intake' AND a.perspective = %4$L AND a.assessed_on BETWEEN %5$L::date AND %6$L::date %7$s
         AND NOT EXISTS (
           SELECT 1 FROM assessment_facts b
            WHERE b.agency_id = a.agency_id AND b.client_id = a.client_id
              AND b.assessed_on BETWEEN %5$L::date AND a.assessed_on
              AND (b.assessed_on, b.assessment_id) < (a.assessed_on, a.assessment_id)
              AND b.instrument_id = ANY (%3$L::uuid[]) AND b.occasion = 'intake' AND b.perspective = %4$L %9$s)
    )
    SELECT t.agency_id, t.client_id, t.instrument_id AS intake_version, t.scores AS intake_scores,
           t.total AS intake_total, l.instrument_id AS later_version, l.scores AS later_scores,
           l.total AS later_total
      FROM intake t
      LEFT JOIN LATERAL (
        SELECT a.instrument_id, a.scores, a.total
          FROM assessment_facts a
         WHERE a.agency_id = t.agency_id AND a.client_id = t.client_id
           AND a.assessed_on > t.assessed_on AND a.assessed_on <= %6$L::date
           AND a.instrument_id = ANY (%3$L::uuid[]) AND a.perspective = %4$L AND a.occasion = ANY (%8$L::text[])
         ORDER BY a.assessed_on DESC, a.assessment_id DESC
         LIMIT 1) l ON true
    $q$,
    client_join, agencies, versions, perspective, from_on, to_on, cond,
    CASE WHEN f->>'pair' = 'exit' THEN ARRAY['exit'] ELSE ARRAY['follow_up', 'exit'] END, earlier_cond);
END
$fn$;

-- The sums over the pairs. 021 aligned each pair's scores to its intake version's dimensions and
-- thresholds in a CTE joined to the versions; the CTE was materialized (it fed two aggregates) and
-- the join's estimate fell to a few rows, so 460,000 (pair, dimension) rows were sorted to be
-- grouped. Now each version's keys and thresholds enter the query as CASE expressions over the
-- version id, computed before it like the agency scope; the totals are summed from the pairs
-- directly; the aggregation stays a hash over the pairs.
-- The statement ran under JIT compilation, about 80 ms to emit code for a query that runs for well
-- under a second and never repays it: off for this function.
CREATE OR REPLACE FUNCTION lotse_cohort_sums(instrument_key text, f jsonb, thresholds jsonb)
  RETURNS TABLE (kind text, dimension text, n bigint, scored bigint, sum_x double precision,
                 sum_y double precision, sum_d double precision, sum_d2 double precision, improved bigint,
                 worsened bigint)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public SET work_mem = '64MB' SET jit = off
  AS $fn$
DECLARE
  keys_when text;
  thresholds_when text;
BEGIN
  -- Per version of the key: `WHEN version THEN its dimension keys` and `... THEN their thresholds`.
  SELECT string_agg(format('WHEN %L::uuid THEN %L::text[]', v.id, v.keys), ' '),
         string_agg(format('WHEN %L::uuid THEN %L::double precision[]', v.id,
                           ARRAY(SELECT (thresholds->>k)::double precision
                                   FROM unnest(v.keys) WITH ORDINALITY u(k, o) ORDER BY o)), ' ')
    INTO keys_when, thresholds_when
    FROM (SELECT i.id, lotse_dimension_keys(i.definition) AS keys FROM instruments i WHERE i.key = instrument_key) v;
  RETURN QUERY EXECUTE format($q$
    WITH p AS MATERIALIZED (%1$s),
    by_position AS (
      SELECT p.intake_version AS vid, u.o, count(*) AS n, sum(u.x) AS sx, sum(u.y) AS sy, sum(u.y - u.x) AS sd,
             sum((u.y - u.x) ^ 2) AS sd2,
             count(*) FILTER (WHERE u.y - u.x > u.t) AS up, count(*) FILTER (WHERE u.x - u.y > u.t) AS down
        FROM p CROSS JOIN LATERAL unnest(
               p.intake_scores,
               CASE WHEN p.later_version = p.intake_version THEN p.later_scores
                    ELSE ARRAY(SELECT p.later_scores[array_position(CASE p.later_version %2$s END, k)]
                                 FROM unnest(CASE p.intake_version %2$s END) WITH ORDINALITY u(k, o) ORDER BY o) END,
               CASE p.intake_version %3$s END) WITH ORDINALITY u(x, y, t, o)
       WHERE p.later_version IS NOT NULL AND u.x IS NOT NULL AND u.y IS NOT NULL
       GROUP BY p.intake_version, u.o
    )
    SELECT 'change'::text, (CASE b.vid %2$s END)[b.o], sum(b.n)::bigint, NULL::bigint, sum(b.sx), sum(b.sy),
           sum(b.sd), sum(b.sd2), sum(b.up)::bigint, sum(b.down)::bigint
      FROM by_position b
     GROUP BY 2
    UNION ALL
    SELECT 'change', '_total', count(*), NULL, sum(intake_total), sum(later_total), sum(later_total - intake_total),
           sum((later_total - intake_total) ^ 2),
           count(*) FILTER (WHERE later_total - intake_total > %4$L::double precision),
           count(*) FILTER (WHERE intake_total - later_total > %4$L::double precision)
      FROM p WHERE later_version IS NOT NULL AND intake_total IS NOT NULL AND later_total IS NOT NULL
    HAVING count(*) > 0
    UNION ALL
    SELECT CASE WHEN later_version IS NULL THEN 'dropped' ELSE 'stayed' END, NULL, count(*), count(intake_total),
           sum(intake_total), NULL, NULL, sum(intake_total ^ 2), NULL, NULL
      FROM p GROUP BY later_version IS NULL
    $q$,
    lotse_cohort_pairs_sql(instrument_key, f),
    -- No version of the key: no pairs either; ELSE NULL keeps the CASE expressions valid.
    coalesce(keys_when, '') || ' ELSE NULL',
    coalesce(thresholds_when, '') || ' ELSE NULL',
    thresholds->>'_total');
END
$fn$;
