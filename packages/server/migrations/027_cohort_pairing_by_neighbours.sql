-- The cohort pairing of 026 probed the index twice per intake (an earlier intake? the latest later
-- assessment?). The probes cannot run in parallel workers (a LIMIT subquery keeps the plan serial) and
-- read a heap page each, so on the state-wide bench they were most of a report's second.
--
-- Now each score row carries the date of its neighbour in the client's sequence, precomputed when the
-- sequence changes and read by every report:
--   - prev_intake_on (intake rows): the date of the client's previous intake;
--   - next_later_on (follow-up and exit rows): the date of the client's next follow-up or exit;
--   - next_exit_on (exit rows): the date of the client's next exit;
-- each within the client's rows of the same agency, instrument key and perspective, ordered by date
-- and assessment id (the pairing's order, ties included). With them both picks are plain row filters:
--   - the first intake of the period [from, to]: no previous intake, or the previous one before
--     `from`; with an age-group filter also when the previous one falls in another group (age groups
--     only grow with the date, so no intake before it is in the group either);
--   - the latest later assessment up to `to`: its date <= `to` and no next one, or the next one after
--     `to`. It pairs with the intake when it is after the intake's date; otherwise none after the
--     intake exists up to `to` either.
-- The report joins the two sets of rows by client: scans and hash joins a parallel plan can share.
--
-- Kept correct in the same transaction as the change: statement-level triggers on assessment_facts
-- recompute the neighbours of every client whose rows were inserted or deleted. The facts themselves
-- are rewritten (deleted and inserted) by 021's triggers whenever an assessment is completed, amended
-- (date, occasion, perspective, scores), deleted or its version's definition changes, so every way a
-- sequence can change passes through these two triggers. Concurrent writes for one client are
-- serialised by a transaction-level advisory lock per client bucket before the neighbours are read.
--
-- The versions of the key: the pairing now takes every version of the key, also another agency's own
-- version in a cross-agency programme report (026 took the shared versions and the requesting
-- agency's own): a client assessed with its agency's adapted version counts in the programme's
-- report like every other participant, aligned by dimension key as before.
ALTER TABLE assessment_facts
  ADD COLUMN prev_intake_on date,
  ADD COLUMN next_later_on date,
  ADD COLUMN next_exit_on date;
GRANT UPDATE (prev_intake_on, next_later_on, next_exit_on) ON assessment_facts TO lotse_definer;

-- The neighbours of the given clients' rows (agency and client side by side, as the score rows carry
-- them, so each client's rows are one probe of the pairing index), written where they differ.
CREATE FUNCTION lotse_facts_link(agencies uuid[], clients uuid[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $fn$
BEGIN
  -- One lock per bucket of clients (at most 256 per statement, also for a bulk load), taken in order
  -- so two writers never wait on each other crosswise. The neighbours are read after the lock, by the
  -- next statement's snapshot, so they include what a writer before us committed.
  PERFORM pg_advisory_xact_lock(1027, b)
     FROM (SELECT DISTINCT hashtext(c::text) & 255 AS b FROM unnest(clients) c ORDER BY 1) k;
  UPDATE assessment_facts f
     SET prev_intake_on = n.prev_intake_on, next_later_on = n.next_later_on, next_exit_on = n.next_exit_on
    FROM (
      SELECT x.assessment_id,
             CASE WHEN x.occasion = 'intake' THEN
               lag(x.assessed_on) OVER (PARTITION BY x.agency_id, x.client_id, i.key, x.perspective, x.occasion = 'intake'
                                        ORDER BY x.assessed_on, x.assessment_id) END AS prev_intake_on,
             CASE WHEN x.occasion IN ('follow_up', 'exit') THEN
               lead(x.assessed_on) OVER (PARTITION BY x.agency_id, x.client_id, i.key, x.perspective,
                                                      x.occasion IN ('follow_up', 'exit')
                                         ORDER BY x.assessed_on, x.assessment_id) END AS next_later_on,
             CASE WHEN x.occasion = 'exit' THEN
               lead(x.assessed_on) OVER (PARTITION BY x.agency_id, x.client_id, i.key, x.perspective, x.occasion = 'exit'
                                         ORDER BY x.assessed_on, x.assessment_id) END AS next_exit_on
        FROM (SELECT DISTINCT a, c FROM unnest(agencies, clients) u(a, c)) u
        JOIN assessment_facts x ON x.agency_id = u.a AND x.client_id = u.c
        JOIN instruments i ON i.id = x.instrument_id
    ) n
   WHERE f.assessment_id = n.assessment_id
     AND (f.prev_intake_on, f.next_later_on, f.next_exit_on)
         IS DISTINCT FROM (n.prev_intake_on, n.next_later_on, n.next_exit_on);
END
$fn$;
REVOKE ALL ON FUNCTION lotse_facts_link(uuid[], uuid[]) FROM PUBLIC;

CREATE FUNCTION lotse_facts_relink() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM lotse_facts_link(array_agg(agency_id), array_agg(client_id))
       FROM (SELECT DISTINCT agency_id, client_id FROM new_rows) r;
  ELSE
    PERFORM lotse_facts_link(array_agg(agency_id), array_agg(client_id))
       FROM (SELECT DISTINCT agency_id, client_id FROM old_rows) r;
  END IF;
  RETURN NULL;
END
$fn$;
REVOKE ALL ON FUNCTION lotse_facts_relink() FROM PUBLIC;
CREATE TRIGGER assessment_facts_link_insert AFTER INSERT ON assessment_facts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lotse_facts_relink();
CREATE TRIGGER assessment_facts_link_delete AFTER DELETE ON assessment_facts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lotse_facts_relink();

SELECT lotse_facts_link(array_agg(agency_id), array_agg(client_id))
  FROM (SELECT DISTINCT agency_id, client_id FROM assessment_facts) r;

-- The rows a report without a start or end of its period pairs: each client's first intake and its
-- latest later assessment (or exit), one entry per client, perspective and key each.
CREATE INDEX assessment_facts_first_intake_idx ON assessment_facts (agency_id, client_id)
  WHERE occasion = 'intake' AND prev_intake_on IS NULL;
CREATE INDEX assessment_facts_latest_later_idx ON assessment_facts (agency_id, client_id)
  WHERE occasion IN ('follow_up', 'exit') AND next_later_on IS NULL;
CREATE INDEX assessment_facts_latest_exit_idx ON assessment_facts (agency_id, client_id)
  WHERE occasion = 'exit' AND next_exit_on IS NULL;

CREATE OR REPLACE FUNCTION lotse_cohort_pairs_sql(instrument_key text, f jsonb) RETURNS text
  LANGUAGE plpgsql STABLE SET search_path = public
  AS $fn$
DECLARE
  agencies uuid[] := lotse_cohort_agencies(
    (f->>'programmeId')::uuid,
    CASE WHEN f ? 'agencyIds' THEN ARRAY(SELECT jsonb_array_elements_text(f->'agencyIds'))::uuid[] END);
  versions uuid[] := ARRAY(SELECT i.id FROM instruments i WHERE i.key = instrument_key);
  perspective text := coalesce(f->>'perspective', 'professional');
  from_on date := coalesce((f->>'from')::date, '-infinity');
  to_on date := coalesce((f->>'to')::date, 'infinity');
  next_col text := CASE WHEN f->>'pair' = 'exit' THEN 'next_exit_on' ELSE 'next_later_on' END;
  client_join text := '';
  cond text := '';
  -- Without a start of the period the first intake is the one without a previous intake, and
  -- without an end the latest later assessment is the one without a next one: the partial indexes
  -- below list exactly those rows.
  first_cond text := CASE WHEN from_on = '-infinity' THEN 'a.prev_intake_on IS NULL'
                          ELSE format('a.prev_intake_on IS NULL OR a.prev_intake_on < %L::date', from_on) END;
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
    first_cond := first_cond || format(' OR lotse_age_group(c.birth_date, a.prev_intake_on) <> %L', f->>'ageGroup');
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
  -- All conditions but the age group depend on the client only, so the intake's previous intake meets
  -- them too; the later assessments need none of them (they join to a chosen intake).
  RETURN format($q$
    SELECT a.agency_id, a.client_id, a.instrument_id AS intake_version, a.scores AS intake_scores,
           a.total AS intake_total, l.instrument_id AS later_version, l.scores AS later_scores,
           l.total AS later_total
      FROM assessment_facts a %1$s
      LEFT JOIN assessment_facts l
        ON l.agency_id = a.agency_id AND l.client_id = a.client_id AND l.assessed_on > a.assessed_on
       AND l.assessed_on <= %6$L::date AND l.instrument_id = ANY (%3$L::uuid[]) AND l.perspective = %4$L
       AND %8$s
     WHERE a.agency_id = ANY (%2$L::uuid[]) AND a.instrument_id = ANY (%3$L::uuid[])
       AND a.occasion = 'intake' AND a.perspective = %4$L AND a.assessed_on BETWEEN %5$L::date AND %6$L::date %7$s
       AND (%9$s)
    $q$,
    client_join, agencies, versions, perspective, from_on, to_on, cond,
    CASE WHEN f->>'pair' = 'exit' THEN 'l.occasion = ''exit'' AND ' ELSE 'l.occasion IN (''follow_up'', ''exit'') AND ' END ||
    CASE WHEN to_on = 'infinity' THEN format('l.%I IS NULL', next_col)
         ELSE format('(l.%1$I IS NULL OR l.%1$I > %2$L::date)', next_col, to_on) END,
    first_cond);
END
$fn$;

-- The row-level-security policies call these two; a function not marked PARALLEL SAFE in a policy
-- keeps every plan over the table serial, also the cohort sums, which run as lotse_definer (not a
-- superuser, so the policies apply). Both only read settings (current_setting, current_user), which
-- parallel workers share with their leader.
ALTER FUNCTION lotse_current_agency() PARALLEL SAFE;
ALTER FUNCTION lotse_system_scope() PARALLEL SAFE;

-- The sums in one parallel pass over the pairs. 026 materialized the pairs (they fed three
-- aggregates) and summed them in the leader alone; now each pair's intake total and dimension scores
-- are unnested side by side (position 1 the total, then the version's dimensions), so one grouping by
-- version and position yields the change per dimension, the total's change and the attrition, and
-- the workers that paired the rows also sum them. A later assessment of another version of the key is
-- aligned by dimension key through a position map per pair of versions, an expression of the row (a
-- subquery per row, as before, would keep the plan out of the workers).
CREATE OR REPLACE FUNCTION lotse_cohort_sums(instrument_key text, f jsonb, thresholds jsonb)
  RETURNS TABLE (kind text, dimension text, n bigint, scored bigint, sum_x double precision,
                 sum_y double precision, sum_d double precision, sum_d2 double precision, improved bigint,
                 worsened bigint)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public SET work_mem = '64MB' SET jit = off
  AS $fn$
DECLARE
  keys_when text;
  thresholds_when text;
  map_when text;
BEGIN
  -- Per version of the key: `WHEN version THEN its dimension keys` and `... THEN their thresholds`;
  -- per pair of versions the positions of the intake version's keys in the later version's.
  WITH v AS (SELECT i.id, lotse_dimension_keys(i.definition) AS keys FROM instruments i WHERE i.key = instrument_key)
  SELECT (SELECT string_agg(format('WHEN %L::uuid THEN %L::text[]', v.id, v.keys), ' ') FROM v),
         (SELECT string_agg(format('WHEN %L::uuid THEN %L::double precision[]', v.id,
                                   ARRAY(SELECT (thresholds->>k)::double precision
                                           FROM unnest(v.keys) WITH ORDINALITY u(k, o) ORDER BY o)), ' ') FROM v),
         (SELECT string_agg(format('WHEN p.intake_version = %L::uuid AND p.later_version = %L::uuid THEN %L::int[]',
                                   a.id, b.id,
                                   ARRAY(SELECT array_position(b.keys, k)
                                           FROM unnest(a.keys) WITH ORDINALITY u(k, o) ORDER BY o)), ' ')
            FROM v a JOIN v b ON a.id <> b.id)
    INTO keys_when, thresholds_when, map_when;
  RETURN QUERY EXECUTE format($q$
    WITH s AS (
      SELECT p.intake_version AS vid, u.o,
             count(u.d) AS n, sum(u.x) FILTER (WHERE u.d IS NOT NULL) AS sx, sum(u.d) AS sd, sum(u.d * u.d) AS sd2,
             count(*) FILTER (WHERE u.d > u.t) AS up, count(*) FILTER (WHERE -u.d > u.t) AS down,
             count(*) FILTER (WHERE u.o = 1 AND p.later_version IS NOT NULL) AS stayed,
             count(u.x) FILTER (WHERE u.o = 1 AND p.later_version IS NOT NULL) AS stayed_scored,
             sum(u.x) FILTER (WHERE u.o = 1 AND p.later_version IS NOT NULL) AS stayed_sum,
             sum(u.x * u.x) FILTER (WHERE u.o = 1 AND p.later_version IS NOT NULL) AS stayed_sum2,
             count(*) FILTER (WHERE u.o = 1 AND p.later_version IS NULL) AS dropped,
             count(u.x) FILTER (WHERE u.o = 1 AND p.later_version IS NULL) AS dropped_scored,
             sum(u.x) FILTER (WHERE u.o = 1 AND p.later_version IS NULL) AS dropped_sum,
             sum(u.x * u.x) FILTER (WHERE u.o = 1 AND p.later_version IS NULL) AS dropped_sum2
        FROM (%1$s) p
        CROSS JOIN LATERAL (
          SELECT e.x, e.t, e.o,
                 CASE WHEN e.o = 1 THEN p.later_total
                      WHEN p.later_version = p.intake_version THEN p.later_scores[e.o - 1]
                      ELSE p.later_scores[(CASE %4$s END)[e.o - 1]] END - e.x AS d
            FROM unnest(p.intake_total || p.intake_scores,
                        %5$L::double precision || CASE p.intake_version %3$s END) WITH ORDINALITY e(x, t, o)
        ) u
       GROUP BY p.intake_version, u.o
    )
    SELECT 'change'::text, CASE WHEN s.o = 1 THEN '_total' ELSE (CASE s.vid %2$s END)[s.o - 1] END,
           sum(s.n)::bigint, NULL::bigint, sum(s.sx), sum(s.sx) + sum(s.sd), sum(s.sd), sum(s.sd2),
           sum(s.up)::bigint, sum(s.down)::bigint
      FROM s GROUP BY 2 HAVING sum(s.n) > 0
    UNION ALL
    SELECT 'stayed', NULL, sum(s.stayed)::bigint, sum(s.stayed_scored)::bigint, sum(s.stayed_sum), NULL, NULL,
           sum(s.stayed_sum2), NULL, NULL
      FROM s WHERE s.o = 1 HAVING sum(s.stayed) > 0
    UNION ALL
    SELECT 'dropped', NULL, sum(s.dropped)::bigint, sum(s.dropped_scored)::bigint, sum(s.dropped_sum), NULL, NULL,
           sum(s.dropped_sum2), NULL, NULL
      FROM s WHERE s.o = 1 HAVING sum(s.dropped) > 0
    $q$,
    lotse_cohort_pairs_sql(instrument_key, f),
    -- A CASE needs a WHEN: one that never holds stands in when there is none (no version of the key,
    -- or a single version and so no pair of versions).
    coalesce(keys_when, 'WHEN NULL THEN NULL::text[]') || ' ELSE NULL',
    coalesce(thresholds_when, 'WHEN NULL THEN NULL::double precision[]') || ' ELSE NULL',
    coalesce(map_when, 'WHEN false THEN NULL::int[]') || ' ELSE NULL',
    thresholds->>'_total');
END
$fn$;
