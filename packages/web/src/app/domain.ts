import type { ClientDataRole, Role } from '@lotse/domain';

/**
 * Runtime values mirrored from @lotse/domain. The web app imports only types from the domain package so
 * zod stays out of the browser bundle; the checks below fail type-checking if the lists drift apart.
 */
export const staffRoles = [
  'admin',
  'lead',
  'caseworker',
  'coordinator',
  'researcher',
] as const satisfies readonly Role[];

type Missing = Exclude<Role, (typeof staffRoles)[number]>;
const allRolesListed: [Missing] extends [never] ? true : Missing = true;
void allRolesListed;

/** Roles that read client records; the admin role is never combined with them (decision 0004). */
export const clientDataRoles = [
  'lead',
  'caseworker',
  'coordinator',
] as const satisfies readonly ClientDataRole[];
type MissingClientRole = Exclude<ClientDataRole, (typeof clientDataRoles)[number]>;
const allClientRolesListed: [MissingClientRole] extends [never] ? true : MissingClientRole = true;
void allClientRolesListed;
export const adminRoleConflict = (roles: readonly string[]) =>
  roles.includes('admin') && roles.some((r) => (clientDataRoles as readonly string[]).includes(r));
