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
