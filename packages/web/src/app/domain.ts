import { type Role, adminRoleConflict as rolesConflict } from '@lotse/domain/codes';

/** Role lists from the domain's plain module (its index brings zod). */
export { clientDataRoles, roles as staffRoles } from '@lotse/domain/codes';

/** Whether the admin role is combined with a client-data role (decision 0004); forms hold roles as text. */
export const adminRoleConflict = (roles: readonly string[]) => rolesConflict(roles as readonly Role[]);
