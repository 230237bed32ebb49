-- Queries that scale with the agency, not with the installation (issue 10, item 2).
--
-- 1. Row-level security without a function call per row. The client-visibility policies called the
--    SECURITY DEFINER function lotse_client_visible(agency_id, client_id) for every row a scan
--    touched: it cannot be inlined, so a join over clients or cases paid one function call per row
--    of EVERY agency (about 26 us each; 2 s for the caseload on 50,000 clients). The same rule is now
--    written inline: own rows pass on a plain comparison, and the clients shared with the agency are
--    read once per query (a hashed subplan over case_shares, whose own policy lets a partner agency
--    see its sharings). Same semantics: owner, or an active sharing with the current agency.
-- 2. Indexes that lead with client_id for the per-client reads (client page, lists, progress): the
--    existing (agency_id, client_id, ...) indexes are useless for `WHERE client_id = $1`.
-- 3. client_schedule: per client the last contact day, the last completed assessment and the day its
--    follow-up is due (the instrument's followUpMonths, default 6). Read by every caseload, written
--    only when contacts or assessments change: kept by statement-level triggers in the same
--    transaction as the change (insert, amendment, completion, deletion, erasure, bulk COPY alike).

DO $$
DECLARE
  t text;
  col text;
BEGIN
  FOR t, col IN VALUES ('clients', 'id'), ('consents', 'client_id'), ('cases', 'client_id'), ('goals', 'client_id'),
      ('contacts', 'client_id'), ('assessments', 'client_id'), ('assessment_amendments', 'client_id'),
      ('referrals', 'client_id')
  LOOP
    EXECUTE format('DROP POLICY client_visibility ON %I', t);
    EXECUTE format(
      'CREATE POLICY client_visibility ON %I USING (agency_id = lotse_current_agency() OR %I IN ('
      'SELECT s.client_id FROM case_shares s WHERE s.partner_agency_id = lotse_current_agency() AND s.ended_at IS NULL))',
      t, col);
  END LOOP;
END
$$;

CREATE INDEX cases_client_only_idx ON cases (client_id);
CREATE INDEX goals_client_only_idx ON goals (client_id, target_date);
CREATE INDEX contacts_client_only_idx ON contacts (client_id, contact_date DESC);
CREATE INDEX assessments_client_only_idx ON assessments (client_id, assessed_on);
CREATE INDEX referrals_client_only_idx ON referrals (client_id, created_at DESC);
CREATE INDEX consents_client_only_idx ON consents (client_id);
CREATE INDEX case_shares_client_idx ON case_shares (client_id);
-- Caseload: the open cases with deputies (few). A GIN index on the array would not help: under
-- row-level security only leakproof operators may become index conditions, and @> is not.
CREATE INDEX cases_open_deputies_idx ON cases (agency_id) WHERE status = 'open' AND cardinality(deputy_user_ids) > 0;
-- Caseload: referrals awaiting feedback, per agency in date order.
CREATE INDEX referrals_awaiting_feedback_idx ON referrals (agency_id, referred_on)
  WHERE status = 'referred' AND feedback IS NULL AND feedback_outcome IS NULL AND referred_on IS NOT NULL;

CREATE TABLE client_schedule (
  client_id           uuid PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
  agency_id           uuid NOT NULL REFERENCES agencies (id),
  last_contact_on     date,
  last_assessment_on  date,
  follow_up_due_on    date
);
CREATE INDEX client_schedule_follow_up_idx ON client_schedule (agency_id, follow_up_due_on)
  WHERE follow_up_due_on IS NOT NULL;
ALTER TABLE client_schedule ENABLE ROW LEVEL SECURITY;
CREATE POLICY client_visibility ON client_schedule USING (agency_id = lotse_current_agency() OR client_id IN (
  SELECT s.client_id FROM case_shares s WHERE s.partner_agency_id = lotse_current_agency() AND s.ended_at IS NULL));

-- Recomputes the schedule of the given clients from their contacts and assessments (not incremental:
-- a deletion or an amended date is handled like an insert). The last completed assessment is the one
-- with the latest date (then the latest entered); its instrument version's followUpMonths set the due
-- day. Published instrument versions are immutable, so the interval of an assessment never changes.
-- SECURITY DEFINER (owned by lotse_definer, see 013): a partner agency's write to a shared client
-- keeps the owner's schedule right although it cannot see every row of it.
CREATE FUNCTION lotse_refresh_client_schedule(ids uuid[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
BEGIN
  INSERT INTO client_schedule AS s (client_id, agency_id, last_contact_on, last_assessment_on, follow_up_due_on)
  SELECT c.id, c.agency_id,
         (SELECT max(k.contact_date) FROM contacts k WHERE k.client_id = c.id),
         la.assessed_on, la.due_on
    FROM clients c
    LEFT JOIN LATERAL (
      SELECT a.assessed_on,
             (a.assessed_on + make_interval(months => coalesce(
                (i.definition->'scoring'->>'followUpMonths')::int, 6)))::date AS due_on
        FROM assessments a JOIN instruments i ON i.id = a.instrument_id
       WHERE a.client_id = c.id AND a.status = 'completed'
       ORDER BY a.assessed_on DESC, a.created_at DESC, a.id DESC LIMIT 1) la ON true
   WHERE c.id = ANY (ids)
  ON CONFLICT (client_id) DO UPDATE
     SET agency_id = EXCLUDED.agency_id, last_contact_on = EXCLUDED.last_contact_on,
         last_assessment_on = EXCLUDED.last_assessment_on, follow_up_due_on = EXCLUDED.follow_up_due_on
   WHERE (s.agency_id, s.last_contact_on, s.last_assessment_on, s.follow_up_due_on)
         IS DISTINCT FROM (EXCLUDED.agency_id, EXCLUDED.last_contact_on, EXCLUDED.last_assessment_on,
                           EXCLUDED.follow_up_due_on);
END
$$;

-- One trigger function for inserts, updates and deletes of contacts and assessments: the clients of
-- the changed rows (old and new, a row may move to another client) are refreshed once per statement.
CREATE FUNCTION lotse_client_schedule_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT client_id) INTO ids FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT client_id) INTO ids FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT x) INTO ids
      FROM (SELECT client_id AS x FROM new_rows UNION SELECT client_id FROM old_rows) u;
  END IF;
  IF ids IS NOT NULL THEN
    PERFORM lotse_refresh_client_schedule(ids);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER contacts_schedule_insert AFTER INSERT ON contacts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_client_schedule_changed();
CREATE TRIGGER contacts_schedule_update AFTER UPDATE ON contacts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_client_schedule_changed();
CREATE TRIGGER contacts_schedule_delete AFTER DELETE ON contacts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_client_schedule_changed();
CREATE TRIGGER assessments_schedule_insert AFTER INSERT ON assessments REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_client_schedule_changed();
CREATE TRIGGER assessments_schedule_update AFTER UPDATE ON assessments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_client_schedule_changed();
CREATE TRIGGER assessments_schedule_delete AFTER DELETE ON assessments REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_client_schedule_changed();

-- A draft instrument's interval may still change; assessments normally use published versions only,
-- but a changed definition re-schedules whoever used it.
CREATE FUNCTION lotse_instrument_schedule_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
BEGIN
  IF NEW.definition->'scoring'->'followUpMonths' IS DISTINCT FROM OLD.definition->'scoring'->'followUpMonths' THEN
    PERFORM lotse_refresh_client_schedule(
      (SELECT array_agg(DISTINCT client_id) FROM assessments WHERE instrument_id = NEW.id AND status = 'completed'));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER instruments_schedule_update AFTER UPDATE OF definition ON instruments
  FOR EACH ROW EXECUTE FUNCTION lotse_instrument_schedule_changed();

-- The schedule of every existing client (set-based; the triggers keep it from here on).
INSERT INTO client_schedule (client_id, agency_id, last_contact_on, last_assessment_on, follow_up_due_on)
SELECT c.id, c.agency_id, lc.last_contact_on, la.assessed_on, la.due_on
  FROM clients c
  LEFT JOIN (SELECT client_id, max(contact_date) AS last_contact_on FROM contacts GROUP BY client_id) lc
    ON lc.client_id = c.id
  LEFT JOIN (
    SELECT DISTINCT ON (a.client_id) a.client_id, a.assessed_on,
           (a.assessed_on + make_interval(months => coalesce(
              (i.definition->'scoring'->>'followUpMonths')::int, 6)))::date AS due_on
      FROM assessments a JOIN instruments i ON i.id = a.instrument_id
     WHERE a.status = 'completed'
     ORDER BY a.client_id, a.assessed_on DESC, a.created_at DESC, a.id DESC) la ON la.client_id = c.id
 WHERE lc.client_id IS NOT NULL OR la.client_id IS NOT NULL;

REVOKE ALL ON FUNCTION lotse_refresh_client_schedule(uuid[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION lotse_client_schedule_changed() FROM PUBLIC;
REVOKE ALL ON FUNCTION lotse_instrument_schedule_changed() FROM PUBLIC;
