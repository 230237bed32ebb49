/** Staff roles within one agency. The client role (self-service) is not a staff role. */
export const roles = ['admin', 'lead', 'caseworker', 'coordinator', 'researcher'] as const;
export type Role = (typeof roles)[number];

/**
 * Roles that read client records (decision 0004). Administrators manage users and settings and
 * see no client data, so the admin role is never combined with one of these.
 */
export const clientDataRoles = ['lead', 'caseworker', 'coordinator'] as const satisfies readonly Role[];
export type ClientDataRole = (typeof clientDataRoles)[number];
export const adminRoleConflict = (rs: readonly Role[]) =>
  rs.includes('admin') && rs.some((r) => (clientDataRoles as readonly Role[]).includes(r));
