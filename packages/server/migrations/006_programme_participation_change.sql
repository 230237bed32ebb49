-- Participation change in the funder report (issue 6 with issue 3's assessments).
-- Extends the narrow path of decision 0006: one more SECURITY DEFINER function that returns counts
-- only - how many participants changed by how much, per agency, instrument, perspective and
-- dimension. No client ids, names, dates or answers; the service turns the counts into the reliable
-- change classes (domain RCI functions) and suppresses small cells before anything leaves the server.
--
-- Who counts: clients with a participation in the programme that overlaps the period, with at least
-- two completed assessments of the same perspective of a shared (system) instrument in the period -
-- agencies' own instruments are not comparable across agencies. Change = latest minus first score
-- of the period, per dimension where both have a score. Scope like lotse_programme_counts: managers
-- (owner, partners) get every agency, a participating agency its own, a non-member nothing.
CREATE FUNCTION lotse_programme_changes(programme uuid, p_from date, p_to date)
  RETURNS TABLE (agency_id uuid, instrument_key text, perspective text, dimension text, difference numeric, n bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    WITH participants AS (
      SELECT DISTINCT ON (e.client_id) e.agency_id, e.client_id
        FROM enrolments e
       WHERE e.programme_id = programme
         AND e.entry_date IS NOT NULL AND e.entry_date <= p_to AND (e.exit_date IS NULL OR e.exit_date >= p_from)
         AND (lotse_programme_manager(programme)
              OR (lotse_programme_role(programme) IS NOT NULL AND e.agency_id = lotse_current_agency()))
       ORDER BY e.client_id, e.entry_date DESC
    ),
    assessed AS (
      SELECT p.agency_id, p.client_id, i.key AS instrument_key, a.perspective, a.scores,
             row_number() OVER (PARTITION BY p.client_id, i.key, a.perspective
                                ORDER BY a.assessed_on, a.id) AS first_rank,
             row_number() OVER (PARTITION BY p.client_id, i.key, a.perspective
                                ORDER BY a.assessed_on DESC, a.id DESC) AS last_rank,
             count(*) OVER (PARTITION BY p.client_id, i.key, a.perspective) AS assessments
        FROM participants p
        JOIN assessments a ON a.client_id = p.client_id
        JOIN instruments i ON i.id = a.instrument_id AND i.agency_id IS NULL
       WHERE a.status = 'completed' AND a.assessed_on BETWEEN p_from AND p_to
    ),
    pairs AS (
      SELECT f.agency_id, f.instrument_key, f.perspective, f.scores AS first_scores, l.scores AS last_scores
        FROM assessed f
        JOIN assessed l ON l.client_id = f.client_id AND l.instrument_key = f.instrument_key
                       AND l.perspective = f.perspective AND l.last_rank = 1
       WHERE f.first_rank = 1 AND f.assessments >= 2
    ),
    differences AS (
      SELECT p.agency_id, p.instrument_key, p.perspective, fs.value->>'dimension' AS dimension,
             round((ls.value->>'score')::numeric - (fs.value->>'score')::numeric, 2) AS difference
        FROM pairs p
        CROSS JOIN LATERAL jsonb_array_elements(p.first_scores) AS fs (value)
        CROSS JOIN LATERAL jsonb_array_elements(p.last_scores) AS ls (value)
       WHERE ls.value->>'dimension' = fs.value->>'dimension'
         AND jsonb_typeof(fs.value->'score') = 'number' AND jsonb_typeof(ls.value->'score') = 'number'
    )
    SELECT agency_id, instrument_key, perspective, dimension, difference, count(*)
      FROM differences
     GROUP BY 1, 2, 3, 4, 5
  $$;

REVOKE ALL ON FUNCTION lotse_programme_changes(uuid, date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lotse_programme_changes(uuid, date, date) TO lotse_app;
