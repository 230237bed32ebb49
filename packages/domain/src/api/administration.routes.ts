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
import { idParams } from './params.ts';
import { defineRoutes } from './route.ts';

const userTags = ['Benutzerverwaltung'];

export const userRoutes = defineRoutes(userEndpoints, {
  list: {
    tags: userTags,
    summary: 'Users of the own agency; `query` searches name and e-mail',
    query: pageQuery.extend({ query: z.string().trim().min(1).max(100).optional() }),
    response: { 200: paged(userView) },
  },
  create: {
    tags: userTags,
    summary: 'Invite a user; returns a one-time invitation link',
    body: createUserRequest,
    response: { 201: z.object({ user: userView, link: oneTimeLink }) },
  },
  update: {
    tags: userTags,
    summary: 'Change display name, roles or disable/enable',
    params: idParams,
    body: updateUserRequest,
    response: { 200: z.object({ user: userView }) },
  },
  resetPassword: {
    tags: userTags,
    summary:
      'Issue a one-time password reset link (for another administrator: 202 until a second administrator repeats the call)',
    params: idParams,
    response: { 200: z.object({ link: oneTimeLink }), 202: resetApprovalPending },
  },
  resetMfa: {
    tags: userTags,
    summary:
      'Remove a user’s second factor (for another administrator: 202 until a second administrator repeats the call)',
    params: idParams,
    response: { 202: resetApprovalPending, 204: z.null() },
  },
});

const agencyTags = ['Behörde'];

export const agencyRoutes = defineRoutes(agencyEndpoints, {
  read: { tags: agencyTags, summary: 'The own agency and its settings', response: { 200: agencyView } },
  updateSettings: {
    tags: agencyTags,
    summary: 'Change agency settings (e.g. roles that must use 2FA)',
    body: updateAgencySettings,
    response: { 200: agencyView },
  },
  downloadLogo: { tags: agencyTags, summary: 'The letterhead logo of the own agency (PNG or JPEG)' },
  uploadLogo: {
    tags: agencyTags,
    summary: 'Upload the letterhead logo printed on every PDF (PNG or JPEG, base64, at most 512 KB)',
    body: uploadAgencyLogoRequest,
    response: { 200: agencyView },
  },
  removeLogo: { tags: agencyTags, summary: 'Remove the letterhead logo', response: { 200: agencyView } },
});

export const auditRoutes = defineRoutes(auditEndpoints, {
  list: {
    tags: ['Protokoll'],
    summary: 'Audit entries of the own agency, newest first, paged',
    query: auditQuery,
    response: { 200: paged(auditEntryView) },
  },
});

const districtTags = ['Sozialräume'];

export const districtRoutes = defineRoutes(districtEndpoints, {
  list: {
    tags: districtTags,
    summary: 'The districts of the own agency (key, name, optional AGS, GeoJSON centre and boundary)',
    response: { 200: districtList },
  },
  replace: {
    tags: districtTags,
    summary: 'Replace the whole list; removing a key still used by offers or partners is 409',
    body: putDistrictsRequest,
    response: { 200: districtList },
  },
  import: {
    tags: districtTags,
    summary: 'Import districts from CSV or XLSX (preview or commit; merged by key)',
    body: importRequest,
    response: { 200: importResult },
  },
});
