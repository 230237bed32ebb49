-- Data-subject rights across agencies: a consent withdrawal recorded by a partner agency, anonymisation
-- of every row about a client (also rows of other agencies and the append-only amendments), and the
-- access log of a client for the GDPR export (Art. 15). Each function is narrow: it acts on one
-- client or consent the caller's agency may act on, and returns nothing but ids and codes.

-- Ends every active sharing based on a withdrawn consent, for every agency at once, and records
-- "sharing ended" in the owner's open case. The partner agency cannot do this under row-level
-- security (shares and case history belong to the owner), yet a client may declare the withdrawal to
-- either agency. Callable by the owner and by an agency the consent currently shares the client with,
-- and only after the withdrawal itself was recorded (in the same transaction).
CREATE FUNCTION lotse_end_consent_shares(consent uuid, ended_on timestamptz, actor uuid)
  RETURNS TABLE (owner_agency_id uuid, partner_agency_id uuid)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$
DECLARE
  k consents%ROWTYPE;
  open_case uuid;
  ended record;
BEGIN
  SELECT * INTO k FROM consents WHERE id = consent;
  IF NOT FOUND OR k.withdrawn_at IS NULL THEN
    RETURN;
  END IF;
  IF k.agency_id IS DISTINCT FROM lotse_current_agency()
     AND NOT EXISTS (SELECT 1 FROM case_shares s
                      WHERE s.consent_id = consent AND s.partner_agency_id = lotse_current_agency()
                        AND s.ended_at IS NULL) THEN
    RETURN;
  END IF;
  SELECT id INTO open_case FROM cases WHERE client_id = k.client_id AND status = 'open';
  FOR ended IN
    UPDATE case_shares s SET ended_at = ended_on
     WHERE s.consent_id = consent AND s.ended_at IS NULL
    RETURNING s.agency_id, s.partner_agency_id
  LOOP
    IF open_case IS NOT NULL THEN
      INSERT INTO case_events (agency_id, case_id, kind, at, actor_user_id, partner_agency_id, reason)
      VALUES (ended.agency_id, open_case, 'sharing_ended', ended_on, actor, ended.partner_agency_id,
              'Einwilligung widerrufen');
    END IF;
    owner_agency_id := ended.agency_id;
    partner_agency_id := ended.partner_agency_id;
    RETURN NEXT;
  END LOOP;
END
$$;
REVOKE ALL ON FUNCTION lotse_end_consent_shares(uuid, timestamptz, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lotse_end_consent_shares(uuid, timestamptz, uuid) TO lotse_app;

-- Overwrites text and JSON columns of the rows about one anonymised client, as the erasure map of
-- the application declares them (features/client-records/client-data-map.ts). Owner rights because
-- some of these rows belong to other agencies (a partner's enrolment of the client) or are
-- append-only for the runtime role (assessment amendments).
--   tables[1]      the table to change; tables[i + 1] is the table its column columns[i] references,
--                  the last one is clients: a foreign-key path from the rows to the client
--   assignments    {"column": new value}; JSON null clears the column, any other value replaces a
--                  non-null value (cast to the column's type)
-- Only for a client of the caller's agency that is already marked anonymised; only text, character,
-- json and jsonb columns (and arrays of them); every step of the path must be a real foreign key.
CREATE FUNCTION lotse_anonymise_client_rows(client uuid, tables text[], columns text[], assignments jsonb)
  RETURNS integer
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$
DECLARE
  n integer := array_length(columns, 1);
  cond text;
  sets text := '';
  col record;
  changed integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM clients
                  WHERE id = client AND agency_id = lotse_current_agency() AND anonymised_at IS NOT NULL) THEN
    RAISE EXCEPTION 'client % is not an anonymised client of the current agency', client
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF n IS NULL OR array_length(tables, 1) <> n + 1 OR tables[n + 1] <> 'clients' THEN
    RAISE EXCEPTION 'the path must end at clients' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  FOR i IN 1..n LOOP
    IF NOT EXISTS (
      SELECT 1 FROM pg_constraint f
        JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = f.conkey[1]
       WHERE f.contype = 'f' AND f.conrelid = format('public.%I', tables[i])::regclass
         AND f.confrelid = format('public.%I', tables[i + 1])::regclass
         AND array_length(f.conkey, 1) = 1 AND a.attname = columns[i]) THEN
      RAISE EXCEPTION '%.% is no foreign key to %', tables[i], columns[i], tables[i + 1]
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
  END LOOP;
  FOR col IN
    SELECT e.key, e.value, a.attname, format_type(a.atttypid, a.atttypmod) AS type,
           t.typcategory, coalesce(et.typname, t.typname) AS base
      FROM jsonb_each(assignments) e
      LEFT JOIN pg_attribute a ON a.attrelid = format('public.%I', tables[1])::regclass
                              AND a.attname = e.key AND a.attnum > 0 AND NOT a.attisdropped
      LEFT JOIN pg_type t ON t.oid = a.atttypid
      LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
  LOOP
    IF col.attname IS NULL OR col.base NOT IN ('text', 'varchar', 'bpchar', 'json', 'jsonb') THEN
      RAISE EXCEPTION 'column %.% is not a text or json column', tables[1], col.key
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- NULL stays NULL: a replacement stands in for a value, it does not invent one.
    sets := sets || CASE WHEN sets = '' THEN '' ELSE ', ' END || format('%I = ', col.key)
      || CASE WHEN jsonb_typeof(col.value) = 'null' THEN 'NULL'
              ELSE format('CASE WHEN %I IS NULL THEN NULL ELSE %s END', col.key,
                CASE WHEN col.typcategory = 'A'
                       THEN format('ARRAY(SELECT jsonb_array_elements_text(%L::jsonb))::%s', col.value::text, col.type)
                     WHEN col.base IN ('json', 'jsonb') THEN format('%L::%s', col.value::text, col.type)
                     ELSE format('%L::%s', col.value #>> '{}', col.type) END) END;
  END LOOP;
  IF sets = '' THEN
    RETURN 0;
  END IF;
  cond := format('%I = %L', columns[n], client);
  FOR i IN REVERSE n - 1..1 LOOP
    cond := format('%I IN (SELECT id FROM %I WHERE %s)', columns[i], tables[i + 1], cond);
  END LOOP;
  EXECUTE format('UPDATE %I SET %s WHERE %s', tables[1], sets, cond);
  GET DIAGNOSTICS changed = ROW_COUNT;
  RETURN changed;
END
$$;
REVOKE ALL ON FUNCTION lotse_anonymise_client_rows(uuid, text[], text[], jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lotse_anonymise_client_rows(uuid, text[], text[], jsonb) TO lotse_app;

-- Assessment amendments stay a record: the runtime role may change nothing in them, except that
-- anonymisation overwrites the free-text reason of an anonymised client's amendments (through the
-- function above, which acts with the runtime role's privileges when its owner has no more).
GRANT UPDATE (reason) ON assessment_amendments TO lotse_app;
CREATE FUNCTION lotse_amendment_guard() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM clients WHERE id = NEW.client_id AND anonymised_at IS NOT NULL) THEN
    RAISE EXCEPTION 'an assessment amendment is a record; only anonymisation may overwrite its reason'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER amendments_change_only_on_anonymisation BEFORE UPDATE ON assessment_amendments
  FOR EACH ROW EXECUTE FUNCTION lotse_amendment_guard();

-- Who accessed a client's record when (GDPR Art. 15): the audit entries naming the client, with the
-- acting person's display name and roles and the agency. The owner sees the entries of every agency
-- (partners read the record through a sharing); any other agency only its own.
CREATE FUNCTION lotse_client_access_log(client uuid)
  RETURNS TABLE (id bigint, at timestamptz, agency_id uuid, agency_name text, actor_user_id uuid,
                 actor_name text, actor_roles text[], action text, outcome text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT l.id, l.at, l.agency_id, g.name, l.actor_user_id, u.display_name, u.roles, l.action, l.outcome
      FROM audit_log l
      LEFT JOIN agencies g ON g.id = l.agency_id
      LEFT JOIN users u ON u.id = l.actor_user_id
     WHERE l.client_id = client
       AND (l.agency_id = lotse_current_agency()
            OR EXISTS (SELECT 1 FROM clients c WHERE c.id = client AND c.agency_id = lotse_current_agency()))
     ORDER BY l.at, l.id
  $$;
REVOKE ALL ON FUNCTION lotse_client_access_log(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lotse_client_access_log(uuid) TO lotse_app;
