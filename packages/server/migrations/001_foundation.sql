-- Foundation: agencies, users, sessions, one-time tokens, login throttling, hash-chained audit log.
-- Written for PostgreSQL 15 (the oldest supported server); PGlite runs the same file.

-- The application's runtime role for actor-scoped work. It is neither table owner nor BYPASSRLS,
-- so row-level security applies to it. Created once per cluster; concurrent creators are tolerated.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lotse_app') THEN
    CREATE ROLE lotse_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;

-- Contrib extensions for typo-tolerant search (trusted extensions: the database owner may create them).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
CREATE EXTENSION IF NOT EXISTS unaccent;

GRANT USAGE ON SCHEMA public TO lotse_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO lotse_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO lotse_app;

-- The agency of the current actor, set per transaction with set_config('lotse.agency_id', ..., true).
CREATE FUNCTION lotse_current_agency() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('lotse.agency_id', true), '')::uuid $$;

CREATE TABLE agencies (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
  kind        text NOT NULL CHECK (kind IN ('jobcenter', 'social_office', 'pension_insurance', 'provider', 'network')),
  settings    jsonb NOT NULL DEFAULT '{}'::jsonb,
  is_demo     boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id            uuid NOT NULL REFERENCES agencies (id),
  email                text NOT NULL CHECK (email = lower(email)),
  display_name         text NOT NULL,
  roles                text[] NOT NULL CHECK (roles <@ ARRAY['admin', 'lead', 'caseworker', 'coordinator', 'researcher']::text[]),
  status               text NOT NULL CHECK (status IN ('active', 'invited', 'disabled')),
  password_hash        text,
  password_changed_at  timestamptz,
  mfa_secret           text,
  mfa_enabled          boolean NOT NULL DEFAULT false,
  mfa_last_step        bigint,
  is_demo              boolean NOT NULL DEFAULT false,
  last_login_at        timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE INDEX users_agency_idx ON users (agency_id);

CREATE TABLE recovery_codes (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id  uuid NOT NULL REFERENCES agencies (id),
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash  text NOT NULL,
  used_at    timestamptz
);
CREATE INDEX recovery_codes_user_idx ON recovery_codes (user_id);

-- Sessions live in the database so that app servers stay stateless. Only a hash of the token is stored.
CREATE TABLE sessions (
  token_hash    text PRIMARY KEY,
  agency_id     uuid NOT NULL REFERENCES agencies (id),
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  mfa_state     text NOT NULL CHECK (mfa_state IN ('ok', 'verify', 'enroll')),
  created_at    timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expiry_idx ON sessions (expires_at);

-- Invitation and password-reset links; only a hash of the token is stored.
CREATE TABLE one_time_tokens (
  token_hash  text PRIMARY KEY,
  agency_id   uuid NOT NULL REFERENCES agencies (id),
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose     text NOT NULL CHECK (purpose IN ('invite', 'reset')),
  created_by  uuid REFERENCES users (id),
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX one_time_tokens_user_idx ON one_time_tokens (user_id);

-- Failed sign-in counters per account and per source address (keys are hashed; no addresses stored).
CREATE TABLE login_throttle (
  key           text PRIMARY KEY,
  failures      integer NOT NULL,
  locked_until  timestamptz,
  updated_at    timestamptz NOT NULL
);

-- Append-only audit trail. Each agency has its own hash chain (chain_key = agency id, or 'system'
-- for events without an agency), so that appends of different agencies do not contend for one lock.
-- The chain covers only identifiers and codes, never personal content, so erasure stays possible.
CREATE TABLE audit_log (
  id             bigserial PRIMARY KEY,
  chain_key      text NOT NULL,
  seq            bigint NOT NULL,
  at             timestamptz NOT NULL,
  agency_id      uuid REFERENCES agencies (id),
  actor_user_id  uuid,
  action         text NOT NULL,
  outcome        text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
  resource_type  text,
  resource_id    text,
  client_id      uuid,
  details        jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash      text NOT NULL,
  hash           text NOT NULL,
  UNIQUE (chain_key, seq)
);
CREATE INDEX audit_log_agency_at_idx ON audit_log (agency_id, at DESC);
CREATE INDEX audit_log_client_idx ON audit_log (client_id) WHERE client_id IS NOT NULL;
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, at DESC);

CREATE TABLE audit_chain_head (
  chain_key  text PRIMARY KEY,
  seq        bigint NOT NULL,
  hash       text NOT NULL
);

-- The runtime role may only append to the audit log, never change or delete entries.
REVOKE UPDATE, DELETE ON audit_log FROM lotse_app;
REVOKE DELETE ON audit_chain_head FROM lotse_app;

-- Row-level security: the second line behind the access policy in the application.
ALTER TABLE agencies ENABLE ROW LEVEL SECURITY;
CREATE POLICY agency_isolation ON agencies USING (id = lotse_current_agency());
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY agency_isolation ON users USING (agency_id = lotse_current_agency());
ALTER TABLE recovery_codes ENABLE ROW LEVEL SECURITY;
CREATE POLICY agency_isolation ON recovery_codes USING (agency_id = lotse_current_agency());
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY agency_isolation ON sessions USING (agency_id = lotse_current_agency());
ALTER TABLE one_time_tokens ENABLE ROW LEVEL SECURITY;
CREATE POLICY agency_isolation ON one_time_tokens USING (agency_id = lotse_current_agency());
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY agency_isolation ON audit_log USING (agency_id = lotse_current_agency());

-- E-mail addresses are unique across agencies. Row-level security hides other agencies' users from
-- the runtime role, so uniqueness is asked through this narrow owner-rights function instead.
CREATE FUNCTION lotse_email_taken(candidate text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT EXISTS (SELECT 1 FROM users WHERE email = lower(candidate)) $$;
