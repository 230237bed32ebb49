import { z } from 'zod';
import {
  agencyView,
  createUserRequest,
  oneTimeLink,
  resetApprovalPending,
  updateAgencySettings,
  updateUserRequest,
  uploadAgencyLogoRequest,
  userView,
} from '../agencies/agency.schema.ts';
import { auditEntryView, auditQuery } from '../audit/audit.schema.ts';
import { pageQuery } from '../common/paging.ts';
import { districtList, putDistrictsRequest } from '../network/district.schema.ts';
import {
  agencyEndpoints,
  auditEndpoints,
  districtEndpoints,
  userEndpoints,
} from './administration.endpoints.ts';
import { answers, pagedList, recordContracts } from './contracts.ts';
import { defineRoutes } from './define-routes.ts';
import { spreadsheetImport } from './spreadsheet-import.ts';

const userGroup = { tags: ['Benutzerverwaltung'] };

export const userRoutes = defineRoutes(userEndpoints, userGroup, {
  list: pagedList(
    'users.read',
    'Users of the own agency; `query` searches name and e-mail',
    pageQuery.extend({ query: z.string().trim().min(1).max(100).optional() }),
    userView,
  ),
  create: {
    access: 'users.manage',
    summary: 'Invite a user; returns a one-time invitation link',
    body: createUserRequest,
    response: { 201: z.object({ user: userView, link: oneTimeLink }) },
  },
  update: {
    access: 'users.manage',
    summary: 'Change display name, roles or disable/enable',
    body: updateUserRequest,
    response: { 200: z.object({ user: userView }) },
  },
  resetPassword: {
    access: 'users.manage',
    summary:
      'Issue a one-time password reset link (for another administrator: 202 until a second administrator repeats the call)',
    response: { 200: z.object({ link: oneTimeLink }), 202: resetApprovalPending },
  },
  resetMfa: {
    access: 'users.manage',
    summary:
      'Remove a user’s second factor (for another administrator: 202 until a second administrator repeats the call)',
    response: { 202: resetApprovalPending, 204: z.null() },
  },
});

const agency = recordContracts(agencyView, { read: 'agency.read', write: 'agency.configure' });
const agencyGroup = { tags: ['Behörde'] };

export const agencyRoutes = defineRoutes(agencyEndpoints, agencyGroup, {
  read: agency.read('The own agency and its settings'),
  updateSettings: agency.change(
    'Change agency settings (e.g. roles that must use 2FA)',
    updateAgencySettings,
  ),
  downloadLogo: { access: 'agency.read', summary: 'The letterhead logo of the own agency (PNG or JPEG)' },
  uploadLogo: agency.change(
    'Upload the letterhead logo printed on every PDF (PNG or JPEG, base64, at most 512 KB)',
    uploadAgencyLogoRequest,
  ),
  removeLogo: agency.change('Remove the letterhead logo'),
});

const auditGroup = { tags: ['Protokoll'] };

export const auditRoutes = defineRoutes(auditEndpoints, auditGroup, {
  list: pagedList(
    'audit.read',
    'Audit entries of the own agency, newest first, paged',
    auditQuery,
    auditEntryView,
  ),
});

const districtGroup = { tags: ['Sozialräume'] };

export const districtRoutes = defineRoutes(districtEndpoints, districtGroup, {
  list: answers(
    'districts.read',
    'The districts of the own agency (key, name, optional AGS, GeoJSON centre and boundary)',
    districtList,
  ),
  replace: {
    access: 'districts.manage',
    bodyLimit: 5 * 1024 * 1024,
    summary: 'Replace the whole list; removing a key still used by offers or partners is 409',
    body: putDistrictsRequest,
    response: { 200: districtList },
  },
  import: spreadsheetImport(
    'districts.manage',
    'Import districts from CSV or XLSX (preview or commit; merged by key)',
  ),
});
