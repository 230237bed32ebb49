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
import { paged, pageQuery } from '../common/paging.ts';
import { districtList, putDistrictsRequest } from '../network/district.schema.ts';
import { importRequest, importResult } from '../network/network.schema.ts';
import {
  agencyEndpoints,
  auditEndpoints,
  districtEndpoints,
  userEndpoints,
} from './administration.endpoints.ts';
import { defineRoutes } from './define-routes.ts';

const userGroup = { tags: ['Benutzerverwaltung'] };

export const userRoutes = defineRoutes(userEndpoints, userGroup, {
  list: {
    access: 'users.read',
    summary: 'Users of the own agency; `query` searches name and e-mail',
    query: pageQuery.extend({ query: z.string().trim().min(1).max(100).optional() }),
    response: { 200: paged(userView) },
  },
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

const agencyGroup = { tags: ['Behörde'] };

export const agencyRoutes = defineRoutes(agencyEndpoints, agencyGroup, {
  read: { access: 'agency.read', summary: 'The own agency and its settings', response: { 200: agencyView } },
  updateSettings: {
    access: 'agency.configure',
    summary: 'Change agency settings (e.g. roles that must use 2FA)',
    body: updateAgencySettings,
    response: { 200: agencyView },
  },
  downloadLogo: { access: 'agency.read', summary: 'The letterhead logo of the own agency (PNG or JPEG)' },
  uploadLogo: {
    access: 'agency.configure',
    summary: 'Upload the letterhead logo printed on every PDF (PNG or JPEG, base64, at most 512 KB)',
    body: uploadAgencyLogoRequest,
    response: { 200: agencyView },
  },
  removeLogo: {
    access: 'agency.configure',
    summary: 'Remove the letterhead logo',
    response: { 200: agencyView },
  },
});

const auditGroup = { tags: ['Protokoll'] };

export const auditRoutes = defineRoutes(auditEndpoints, auditGroup, {
  list: {
    access: 'audit.read',
    summary: 'Audit entries of the own agency, newest first, paged',
    query: auditQuery,
    response: { 200: paged(auditEntryView) },
  },
});

const districtGroup = { tags: ['Sozialräume'] };

export const districtRoutes = defineRoutes(districtEndpoints, districtGroup, {
  list: {
    access: 'districts.read',
    summary: 'The districts of the own agency (key, name, optional AGS, GeoJSON centre and boundary)',
    response: { 200: districtList },
  },
  replace: {
    access: 'districts.manage',
    bodyLimit: 5 * 1024 * 1024,
    summary: 'Replace the whole list; removing a key still used by offers or partners is 409',
    body: putDistrictsRequest,
    response: { 200: districtList },
  },
  import: {
    access: 'districts.manage',
    bodyLimit: 15 * 1024 * 1024,
    summary: 'Import districts from CSV or XLSX (preview or commit; merged by key)',
    body: importRequest,
    response: { 200: importResult },
  },
});
