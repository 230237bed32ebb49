import type { Role } from '@lotse/domain';

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
