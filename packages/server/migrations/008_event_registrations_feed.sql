-- Events (issue 5): cancelling a registration moves the first of the waiting list up, and a per-user
-- secret iCalendar feed for calendar apps (which cannot send the session cookie).

-- Moves the first waitlisted registration of an event up when a place is free. Registrations of other
-- agencies are invisible to the runtime role, hence SECURITY DEFINER; it returns the promoted
-- registration's id (or NULL) and nothing about the person.
CREATE FUNCTION lotse_event_promote(event uuid) RETURNS uuid
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$
DECLARE
  cap integer;
  taken integer;
  next_id uuid;
BEGIN
  SELECT capacity INTO cap FROM network_events WHERE id = event;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  SELECT count(*)::int INTO taken FROM event_registrations WHERE event_id = event AND status = 'registered';
  IF cap IS NOT NULL AND taken >= cap THEN
    RETURN NULL;
  END IF;
  SELECT id INTO next_id FROM event_registrations
   WHERE event_id = event AND status = 'waitlisted'
   ORDER BY created_at, id LIMIT 1;
  IF next_id IS NOT NULL THEN
    UPDATE event_registrations SET status = 'registered' WHERE id = next_id;
  END IF;
  RETURN next_id;
END
$$;
REVOKE ALL ON FUNCTION lotse_event_promote(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lotse_event_promote(uuid) TO lotse_app;

-- One secret feed token per user; only its SHA-256 hash is stored.
CREATE TABLE event_feed_tokens (
  user_id     uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  agency_id   uuid NOT NULL REFERENCES agencies (id),
  token_hash  text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL
);
ALTER TABLE event_feed_tokens ENABLE ROW LEVEL SECURITY;
CREATE POLICY agency_isolation ON event_feed_tokens USING (agency_id = lotse_current_agency());
