-- The per-row visibility function lotse_client_visible(owner, client) is no longer called: since 028
-- every client_visibility policy asks lotse_shared_client_ids() once per statement, and the
-- application asks the access module (features/clients/access.ts), which calls the same function.
-- Dropping it leaves the visibility rule in one place; a policy still using it would make this fail.
DROP FUNCTION lotse_client_visible(uuid, uuid);
