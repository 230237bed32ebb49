-- Every API request authenticates. The session and its user were read in a transaction in the system
-- scope (BEGIN, scope, session, user, COMMIT: five round trips before the request's own work). This
-- function answers in one statement without a transaction. SECURITY DEFINER (owned by lotse_definer,
-- see 013): it returns only the session whose token hash the caller presents, with the user's roles
-- and status; ending or touching a session still runs in the system scope. PL/pgSQL, not SQL: a
-- SECURITY DEFINER SQL function is not inlined and plans its body at every call, PL/pgSQL keeps the
-- plan for the connection's life.
CREATE FUNCTION lotse_session_of(presented_hash text)
  RETURNS TABLE (token_hash text, agency_id uuid, user_id uuid, mfa_state text, created_at timestamptz,
                 last_seen_at timestamptz, expires_at timestamptz, roles text[], user_status text)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
  AS $$
BEGIN
  RETURN QUERY
  SELECT s.token_hash, s.agency_id, s.user_id, s.mfa_state, s.created_at, s.last_seen_at, s.expires_at,
         u.roles, u.status
    FROM sessions s JOIN users u ON u.id = s.user_id
   WHERE s.token_hash = presented_hash;
END
$$;
REVOKE ALL ON FUNCTION lotse_session_of(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lotse_session_of(text) TO lotse_app;

-- The same reason for the small lookups that reads call once per row and per call site (guide and
-- deputy names on every case, caseload and search row; agency names on shared cases): as SECURITY
-- DEFINER SQL functions they were planned again in every statement that used them (about 0.1 ms per
-- call site, under the users table's row-level security); as PL/pgSQL their plans are kept.
CREATE OR REPLACE FUNCTION lotse_user_display_name(user_id uuid) RETURNS text
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
  AS $$
BEGIN
  RETURN (SELECT u.display_name FROM users u WHERE u.id = lotse_user_display_name.user_id);
END
$$;

CREATE OR REPLACE FUNCTION lotse_agency_name(agency uuid) RETURNS text
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
  AS $$
BEGIN
  RETURN (SELECT a.name FROM agencies a WHERE a.id = agency);
END
$$;

CREATE OR REPLACE FUNCTION lotse_partner_agencies() RETURNS TABLE (id uuid, name text, kind text)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
  AS $$
BEGIN
  RETURN QUERY SELECT a.id, a.name, a.kind FROM agencies a WHERE a.id <> lotse_current_agency() ORDER BY a.name;
END
$$;

CREATE OR REPLACE FUNCTION lotse_agency_directory() RETURNS TABLE (id uuid, name text, kind text)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
  AS $$
BEGIN
  RETURN QUERY SELECT a.id, a.name, a.kind FROM agencies a ORDER BY a.name;
END
$$;

-- Row-level security evaluated the actor's agency and the system scope once per row: a policy
-- `agency_id = lotse_current_agency()` inlines to current_setting() calls that the executor repeats
-- for every row it filters (26 of 35 ms to count an agency's 25,000 clients). Wrapped in a scalar
-- sub-select, each becomes an InitPlan computed once per statement; the rule is unchanged. Every
-- policy is rewritten this way; rls.test.ts fails on a later policy that calls them per row.
CREATE OR REPLACE FUNCTION lotse_protect_table(t regclass) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NOT (SELECT relrowsecurity AND relforcerowsecurity FROM pg_class WHERE oid = t) THEN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = t AND polname = 'system_scope') THEN
    EXECUTE format('CREATE POLICY system_scope ON %s USING ((SELECT lotse_system_scope()))
                    WITH CHECK ((SELECT lotse_system_scope()))', t);
  END IF;
END
$$;
REVOKE ALL ON FUNCTION lotse_protect_table(regclass) FROM PUBLIC;

DO $$
DECLARE
  r record;
  per_row constant text := '(?<!SELECT )lotse_(current_agency|system_scope)\(\)';
  once constant text := '(SELECT lotse_\1())';
BEGIN
  FOR r IN
    SELECT tablename, policyname, qual, with_check FROM pg_policies
     WHERE schemaname = 'public' AND (qual ~ per_row OR with_check ~ per_row)
  LOOP
    IF r.qual IS NOT NULL THEN
      EXECUTE format('ALTER POLICY %I ON %I USING (%s)', r.policyname, r.tablename,
                     regexp_replace(r.qual, per_row, once, 'g'));
    END IF;
    IF r.with_check IS NOT NULL THEN
      EXECUTE format('ALTER POLICY %I ON %I WITH CHECK (%s)', r.policyname, r.tablename,
                     regexp_replace(r.with_check, per_row, once, 'g'));
    END IF;
  END LOOP;
END
$$;

-- Client search. Under row-level security the planner may use an index only for leakproof operators,
-- and LIKE and pg_trgm's operators are not: every search compared every client of the agency row by
-- row (word similarity about 2.4 us a row, 290 ms for 25,000 clients). lotse_client_name_matches
-- reads the trigram indexes as lotse_definer instead, for the caller's agency only. It runs under
-- the policy definer_all, which grants lotse_definer exactly what lotse_system_scope() already grants
-- it (current_user = 'lotse_definer'), but as a constant the planner folds away, so the indexes apply.
-- A typo search (edit distance) still visits the agency's rows, comparing precomputed folded names
-- instead of folding (unaccent) two names per row.
CREATE EXTENSION IF NOT EXISTS btree_gin;
ALTER TABLE clients
  ADD COLUMN first_name_folded text GENERATED ALWAYS AS (lotse_fold(first_name)) STORED,
  ADD COLUMN last_name_folded text GENERATED ALWAYS AS (lotse_fold(last_name)) STORED;
DROP INDEX clients_search_trgm_idx;
CREATE INDEX clients_search_trgm_idx ON clients USING gin (agency_id, search_name gin_trgm_ops);
CREATE INDEX clients_number_trgm_idx ON clients USING gin (client_number gin_trgm_ops);
CREATE POLICY definer_all ON clients TO lotse_definer USING (true) WITH CHECK (true);

-- Ids of the caller's agency's clients whose folded name contains the query, has a word similar to
-- it (pg_trgm word similarity >= 0.5) or whose client number starts with it.
CREATE FUNCTION lotse_client_name_matches(query text) RETURNS SETOF uuid
  LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 200
  SET search_path = public SET pg_trgm.word_similarity_threshold = 0.5
  AS $$
BEGIN
  RETURN QUERY
  SELECT c.id FROM clients c
   WHERE c.agency_id = lotse_current_agency()
     AND (c.search_name LIKE '%' || lotse_fold(query) || '%'
          OR lotse_fold(query) <% c.search_name
          OR c.client_number ILIKE query || '%');
END
$$;
REVOKE ALL ON FUNCTION lotse_client_name_matches(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lotse_client_name_matches(text) TO lotse_app;
