-- The client-visibility rule in one place (decision 0012). An agency sees a client, and every row
-- hanging off it, when it owns the client or the client is shared with it through an active sharing
-- whose consent has not been withdrawn. The sharing half was written three times: the policies
-- (without the consent condition), loadClientFor and the client list. It is now one function,
-- lotse_shared_client_ids(), called by every client-visibility policy and by the application's
-- access module (features/clients/access.ts).
--
-- Cost: the function runs once per statement, not per row. A policy reads it as an uncorrelated
-- `client_id IN (SELECT lotse_shared_client_ids())`, a hashed subplan, next to the agency comparison
-- `(SELECT lotse_current_agency())`, an InitPlan (decision 0010).
--
-- SECURITY DEFINER so reading consents inside the policy of consents is no recursion. As
-- lotse_definer the function is itself subject to the policies of case_shares and consents; the
-- policies definer_all grant it what lotse_system_scope() already grants (current_user =
-- 'lotse_definer'), but as a constant the planner folds the other policies away, so the consents
-- policy never calls this function again from inside it.
CREATE POLICY definer_all ON case_shares TO lotse_definer USING (true) WITH CHECK (true);
CREATE POLICY definer_all ON consents TO lotse_definer USING (true) WITH CHECK (true);

-- PARALLEL SAFE like the other functions the policies call (migration 027): it only reads.
CREATE FUNCTION lotse_shared_client_ids() RETURNS SETOF uuid
  LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER ROWS 100 SET search_path = public
  AS $$
BEGIN
  RETURN QUERY
  SELECT s.client_id FROM case_shares s JOIN consents k ON k.id = s.consent_id
   WHERE s.partner_agency_id = lotse_current_agency() AND s.ended_at IS NULL AND k.withdrawn_at IS NULL;
END
$$;
REVOKE ALL ON FUNCTION lotse_shared_client_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lotse_shared_client_ids() TO lotse_app;

DO $$
DECLARE
  t text;
  col text;
BEGIN
  FOR t, col IN VALUES ('clients', 'id'), ('consents', 'client_id'), ('cases', 'client_id'), ('goals', 'client_id'),
      ('contacts', 'client_id'), ('assessments', 'client_id'), ('assessment_amendments', 'client_id'),
      ('referrals', 'client_id'), ('client_schedule', 'client_id')
  LOOP
    EXECUTE format(
      'ALTER POLICY client_visibility ON %I USING (agency_id = (SELECT lotse_current_agency()) '
      'OR %I IN (SELECT lotse_shared_client_ids()))', t, col);
  END LOOP;
END
$$;

-- The per-row form of the same rule, kept for callers outside the policies; now with the consent.
CREATE OR REPLACE FUNCTION lotse_client_visible(owner uuid, client uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT owner = lotse_current_agency() OR client IN (SELECT lotse_shared_client_ids()) $$;
