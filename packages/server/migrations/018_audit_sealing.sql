-- Audit trail without a lock per agency, keyed (decision 0008).
--
-- A request appends its entry in its own transaction with only the global id (bigserial): no row lock
-- on the chain head any more, so one agency's audited requests no longer run one at a time. The
-- sealer (platform/audit.ts, one at a time across instances) later gives each committed entry its
-- place in the agency's chain (seq, prev_hash) and an HMAC-SHA256 with a key kept outside the database.
-- Entries chained before this migration keep their unkeyed SHA-256 (hash_version 1) and are verified
-- as such; once a chain has a keyed entry, an unkeyed one after it is reported.

ALTER TABLE audit_log
  ALTER COLUMN seq DROP NOT NULL,
  ALTER COLUMN prev_hash DROP NOT NULL,
  ALTER COLUMN hash DROP NOT NULL,
  ADD COLUMN hash_version smallint,
  ADD COLUMN sealed_at timestamptz,
  -- Database time of the append (the entry's `at` is the app's clock): how long an entry waits.
  ADD COLUMN appended_at timestamptz NOT NULL DEFAULT now();
UPDATE audit_log SET hash_version = 1, sealed_at = at, appended_at = at;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_seal_complete CHECK (
  (seq IS NULL AND prev_hash IS NULL AND hash IS NULL AND hash_version IS NULL)
  OR (seq IS NOT NULL AND prev_hash IS NOT NULL AND hash IS NOT NULL AND hash_version IN (1, 2)));
CREATE INDEX audit_log_unsealed_idx ON audit_log (id) WHERE seq IS NULL;

-- The runtime role may set the seal of an entry once (the sealer runs as it), nothing else.
GRANT UPDATE (seq, prev_hash, hash, hash_version, sealed_at) ON audit_log TO lotse_app;
CREATE POLICY seal_once ON audit_log AS RESTRICTIVE FOR UPDATE USING (seq IS NULL) WITH CHECK (true);

-- Only the sealer (system scope) touches the heads now; it records which key sealed the chain, so an
-- instance with another key refuses to seal instead of forking the chain.
DROP POLICY agency_chain ON audit_chain_head;
ALTER TABLE audit_chain_head ADD COLUMN key_id text;

-- A head only moves forward.
CREATE FUNCTION lotse_chain_head_forward() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NEW.seq < OLD.seq THEN
    RAISE EXCEPTION 'audit chain head % may not move back (% -> %)', OLD.chain_key, OLD.seq, NEW.seq
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER chain_head_forward BEFORE UPDATE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION lotse_chain_head_forward();
REVOKE DELETE ON audit_chain_head FROM lotse_app;
