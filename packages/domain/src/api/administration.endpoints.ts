import type { Endpoint } from './route.ts';

/** Administration: users, the agency's settings and logo, the audit log, districts. */

export const userEndpoints = {
  list: { method: 'GET', path: '/api/users' },
  create: { method: 'POST', path: '/api/users' },
  update: { method: 'PATCH', path: '/api/users/:id' },
  resetPassword: { method: 'POST', path: '/api/users/:id/reset-password' },
  resetMfa: { method: 'POST', path: '/api/users/:id/reset-mfa' },
} as const satisfies Record<string, Endpoint>;

export const agencyEndpoints = {
  read: { method: 'GET', path: '/api/agency' },
  updateSettings: { method: 'PATCH', path: '/api/agency/settings' },
  downloadLogo: { method: 'GET', path: '/api/agency/logo' },
  uploadLogo: { method: 'PUT', path: '/api/agency/logo' },
  removeLogo: { method: 'DELETE', path: '/api/agency/logo' },
} as const satisfies Record<string, Endpoint>;

export const auditEndpoints = {
  list: { method: 'GET', path: '/api/audit' },
} as const satisfies Record<string, Endpoint>;

export const districtEndpoints = {
  list: { method: 'GET', path: '/api/districts' },
  replace: { method: 'PUT', path: '/api/districts' },
  import: { method: 'POST', path: '/api/districts/import' },
} as const satisfies Record<string, Endpoint>;
