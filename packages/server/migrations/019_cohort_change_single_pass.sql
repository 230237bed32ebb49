-- The per-dimension sums of a cohort in one pass over the pairs: the later assessment's scores are
-- turned into a dimension -> score object per pair, so no join of exploded score rows is needed
-- (that join had no statistics to plan with and degraded to a nested loop on large cohorts).
-- Same result as in 016; counts and sums only.
CREATE OR REPLACE FUNCTION lotse_cohort_change(instrument_key text, f jsonb, thresholds jsonb)
  RETURNS TABLE (dimension text, n bigint, sum_x double precision, sum_y double precision,
                 sum_d double precision, sum_d2 double precision, improved bigint, worsened bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    WITH p AS (
      SELECT intake_scores, intake_total, later_total,
             (SELECT jsonb_object_agg(e.value->>'dimension', e.value->'score')
                FROM jsonb_array_elements(later_scores) e) AS later
        FROM lotse_cohort_pairs(instrument_key, f)
       WHERE later_scores IS NOT NULL
    ),
    d AS (
      SELECT s.value->>'dimension' AS dimension, (s.value->>'score')::double precision AS x,
             (p.later->>(s.value->>'dimension'))::double precision AS y
        FROM p CROSS JOIN LATERAL jsonb_array_elements(p.intake_scores) s
       WHERE jsonb_typeof(s.value->'score') = 'number'
         AND jsonb_typeof(p.later->(s.value->>'dimension')) = 'number'
      UNION ALL
      SELECT '_total', intake_total, later_total FROM p
       WHERE intake_total IS NOT NULL AND later_total IS NOT NULL
    )
    SELECT d.dimension, count(*), sum(d.x), sum(d.y), sum(d.y - d.x), sum((d.y - d.x) ^ 2),
           count(*) FILTER (WHERE d.y - d.x > (thresholds->>d.dimension)::double precision),
           count(*) FILTER (WHERE d.x - d.y > (thresholds->>d.dimension)::double precision)
      FROM d
     GROUP BY d.dimension
  $$;
