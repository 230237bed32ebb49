import { type Action, type Role, rolesGrant } from '@lotse/domain';
import { forbidden, notFound } from './errors.ts';

// The grants table lives in the domain package, so the session can list a user's permissions with
// the same names and the web app can type them; this module enforces it.
export { type Action, actions, grants } from '@lotse/domain';

export interface Principal {
  userId: string;
  agencyId: string;
  roles: readonly Role[];
}

export function isAllowed(principal: Pick<Principal, 'roles'>, action: Action): boolean {
  return rolesGrant(principal.roles, action);
}

/**
 * Throws 403 when the role may not perform the action at all, and 404 when the resource belongs to
 * another agency: the caller must not learn that it exists.
 */
export function authorize(principal: Principal, action: Action, resource?: { agencyId: string }): void {
  if (!isAllowed(principal, action)) throw forbidden();
  if (resource && resource.agencyId !== principal.agencyId) throw notFound();
}
