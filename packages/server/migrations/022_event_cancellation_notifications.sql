-- Events (issue 12 item 11): an organiser cancels an event and sees who registered; the registered
-- people (of any agency) get an in-app notification they see after signing in.

ALTER TABLE network_events
  ADD COLUMN cancelled_at  timestamptz,
  ADD COLUMN cancel_reason text CHECK (length(cancel_reason) <= 1000);

-- In-app notifications of a user. They carry codes and ids (the texts come from the locale files);
-- params hold what the text needs (event code, title, start), never data about other people.
CREATE TABLE notifications (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id   uuid NOT NULL REFERENCES agencies (id),
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('event_cancelled', 'event_changed')),
  event_id    uuid REFERENCES network_events (id) ON DELETE CASCADE,
  params      jsonb NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL,
  read_at     timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (agency_id, user_id, created_at DESC);
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
CREATE POLICY agency_isolation ON notifications USING (agency_id = lotse_current_agency());

-- Notifies everybody registered for (or waiting on) an event of the calling agency, whatever their
-- agency: registrations of other agencies are invisible to the runtime role, hence SECURITY DEFINER.
-- Only the organising agency may call it with effect; it returns the number notified.
CREATE FUNCTION lotse_event_notify(event uuid, note_kind text, note_params jsonb, at timestamptz)
  RETURNS integer
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$
DECLARE
  n integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM network_events WHERE id = event AND agency_id = lotse_current_agency()) THEN
    RETURN 0;
  END IF;
  INSERT INTO notifications (agency_id, user_id, kind, event_id, params, created_at)
  SELECT r.agency_id, r.user_id, note_kind, event, note_params, at
    FROM event_registrations r JOIN users u ON u.id = r.user_id
   WHERE r.event_id = event AND u.status <> 'disabled';
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;
REVOKE ALL ON FUNCTION lotse_event_notify(uuid, text, jsonb, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lotse_event_notify(uuid, text, jsonb, timestamptz) TO lotse_app;

-- The attendee and waiting list of an event for its organising agency only (names and agencies of the
-- registered staff, no other personal data); empty for everybody else.
CREATE FUNCTION lotse_event_attendees(event uuid)
  RETURNS TABLE (registration_id uuid, display_name text, email text, agency_name text, status text,
                 registered_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT r.id, u.display_name, u.email, a.name, r.status, r.created_at
      FROM event_registrations r
      JOIN network_events e ON e.id = r.event_id
      JOIN users u ON u.id = r.user_id
      JOIN agencies a ON a.id = r.agency_id
     WHERE r.event_id = event AND e.agency_id = lotse_current_agency()
     ORDER BY r.status, r.created_at, r.id
  $$;
REVOKE ALL ON FUNCTION lotse_event_attendees(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lotse_event_attendees(uuid) TO lotse_app;
