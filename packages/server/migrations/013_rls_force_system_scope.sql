-- Row-level security that holds even when application code is wrong (decision 0007).
--
-- Requests connect as a login role that owns nothing (DATABASE_URL) and is only a member of
-- lotse_app; migrations and the CLI connect as the owner. Every table with agency data is FORCE ROW
-- LEVEL SECURITY, so even the owner sees only what a policy grants: `RESET ROLE` on a request
-- connection, or a request that ends up on an owner connection, still cannot read another agency.
--
-- Work that by design precedes an actor or spans agencies (sign-in, session lookup, token links,
-- housekeeping, the audit sealer, migrations, the CLI) opts in explicitly with the transaction-local
-- setting lotse.scope = 'system' (platform/context.ts withSystem). Each protected table carries one
-- policy `system_scope` for it. SECURITY DEFINER functions belong to the role lotse_definer, which
-- the same policy lets through: the owner they ran as before is no longer exempt, and PostgreSQL
-- does not let a non-superuser fix a custom setting such as lotse.scope on a function.

-- NOLOGIN, no BYPASSRLS; only the owner is a member (to hand functions over). Cluster-wide, created
-- once; parallel creators (many test databases) are tolerated.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lotse_definer') THEN
    CREATE ROLE lotse_definer NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'lotse_definer', 'MEMBER') THEN
    EXECUTE format('GRANT lotse_definer TO %I', current_user);
  END IF;
  IF NOT pg_has_role('lotse_definer', 'lotse_app', 'MEMBER') THEN
    GRANT lotse_app TO lotse_definer;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
-- Owning a function needs CREATE on its schema; lotse_definer cannot log in, so only the owner's
-- migrations and the fixed code of the functions ever act as it.
GRANT CREATE ON SCHEMA public TO lotse_definer;

CREATE FUNCTION lotse_system_scope() RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT coalesce(current_setting('lotse.scope', true), '') = 'system' OR current_user = 'lotse_definer' $$;

-- ENABLE and FORCE row-level security on one table and add the system_scope policy; changes nothing
-- (takes no lock) when all is in place.
CREATE FUNCTION lotse_protect_table(t regclass) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NOT (SELECT relrowsecurity AND relforcerowsecurity FROM pg_class WHERE oid = t) THEN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = t AND polname = 'system_scope') THEN
    EXECUTE format(
      'CREATE POLICY system_scope ON %s USING (lotse_system_scope()) WITH CHECK (lotse_system_scope())', t);
  END IF;
END
$$;
REVOKE ALL ON FUNCTION lotse_protect_table(regclass) FROM PUBLIC;

-- SECURITY DEFINER functions: fixed search_path, owned by lotse_definer.
CREATE FUNCTION lotse_protect_function(f regprocedure) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_proc WHERE oid = f AND 'search_path=public' = ANY (coalesce(proconfig, '{}'))) THEN
    EXECUTE format('ALTER FUNCTION %s SET search_path = public', f);
  END IF;
  IF (SELECT proowner::regrole::text FROM pg_proc WHERE oid = f) <> 'lotse_definer' THEN
    EXECUTE format('ALTER FUNCTION %s OWNER TO lotse_definer', f);
  END IF;
END
$$;
REVOKE ALL ON FUNCTION lotse_protect_function(regprocedure) FROM PUBLIC;

-- Every table with row-level security (all tables with agency data have it) and every SECURITY
-- DEFINER function. platform/migrate.ts calls it after each run that applied migrations, so tables
-- and functions of later migrations are covered too (a test checks the result).
CREATE FUNCTION lotse_protect_all() RETURNS void
  LANGUAGE plpgsql
  AS $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT c.oid::regclass AS t
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
       AND (c.relrowsecurity OR c.relname = 'audit_chain_head')
  LOOP
    PERFORM lotse_protect_table(r.t);
  END LOOP;
  FOR r IN
    SELECT p.oid::regprocedure AS f
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = 'public' AND p.prosecdef
  LOOP
    PERFORM lotse_protect_function(r.f);
  END LOOP;
  -- Helpers that SECURITY DEFINER functions call but lotse_app may not (revoked from PUBLIC) were
  -- callable by their owner; they must stay callable by lotse_definer.
  FOR r IN
    SELECT p.oid::regprocedure AS f
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = 'public' AND NOT p.prosecdef AND p.proname NOT LIKE 'lotse\_protect\_%'
       AND p.prokind = 'f' AND p.proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
       AND NOT has_function_privilege('lotse_definer', p.oid, 'EXECUTE')
  LOOP
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO lotse_definer', r.f);
  END LOOP;
END
$$;
REVOKE ALL ON FUNCTION lotse_protect_all() FROM PUBLIC;

-- The chain heads: an agency's requests may touch only their own chain's head (the system chain and
-- other agencies' heads only in system scope).
ALTER TABLE audit_chain_head ENABLE ROW LEVEL SECURITY;
CREATE POLICY agency_chain ON audit_chain_head
  USING (chain_key = lotse_current_agency()::text) WITH CHECK (chain_key = lotse_current_agency()::text);

SELECT lotse_protect_all();
