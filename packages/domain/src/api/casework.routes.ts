import { z } from 'zod';
import {
  closeCaseRequest,
  handoverRequest,
  partnerAgencyList,
  reopenCaseRequest,
  shareCaseRequest,
  staffList,
} from '../casework/case.schema.ts';
import { caseloadQuery, caseloadView } from '../casework/caseload.schema.ts';
import {
  clientListQuery,
  clientSummary,
  clientView,
  createClientRequest,
  eraseClientRequest,
  updateClientRequest,
} from '../casework/client.schema.ts';
import { consentView, createConsentRequest } from '../casework/consent.schema.ts';
import { contactListQuery, contactView, createContactRequest } from '../casework/contact.schema.ts';
import { createGoalRequest, goalView, updateGoalRequest } from '../casework/goal.schema.ts';
import { paged } from '../common/paging.ts';
import {
  caseEndpoints,
  caseloadEndpoints,
  clientEndpoints,
  clientImportEndpoints,
  clientRecordEndpoints,
  consentEndpoints,
  contactEndpoints,
  goalEndpoints,
} from './casework.endpoints.ts';
import { defineRoutes } from './define-routes.ts';

const group = { tags: ['Fallarbeit'] };

export const clientRoutes = defineRoutes(clientEndpoints, group, {
  list: {
    access: 'clients.read',
    summary: 'Clients of the own agency and shared with it; typo-tolerant search with ?query=',
    query: clientListQuery,
    response: { 200: paged(clientSummary) },
  },
  create: {
    access: 'clients.write',
    summary:
      'Create a client and open a case (409 with the possible duplicates - same birth date, same or similar name - unless allowDuplicate)',
    body: createClientRequest,
    response: { 201: clientView },
  },
  read: {
    access: 'clients.read',
    summary: 'A client with cases (audited)',
    response: { 200: clientView },
  },
  update: {
    access: 'clients.write',
    summary: 'Change a client’s master data',
    body: updateClientRequest,
    response: { 200: clientView },
  },
});

export const caseRoutes = defineRoutes(caseEndpoints, group, {
  close: {
    access: 'cases.manage',
    summary: 'Close the open case with an outcome',
    body: closeCaseRequest,
    response: { 200: clientView },
  },
  reopen: {
    access: 'cases.manage',
    summary: 'Open a new case for the client; earlier cases stay in the history',
    body: reopenCaseRequest,
    response: { 200: clientView },
  },
  handover: {
    access: 'cases.manage',
    summary: 'Hand the case over to another guide (and set deputies), with a reason',
    body: handoverRequest,
    response: { 200: clientView },
  },
  share: {
    access: 'cases.manage',
    summary: 'Share the case with a partner agency (needs an active sharing consent for it)',
    body: shareCaseRequest,
    response: { 200: clientView },
  },
  listGuides: {
    access: 'cases.manage',
    summary: 'Staff of the own agency who can guide cases',
    response: { 200: staffList },
  },
  listPartnerAgencies: {
    access: 'consents.write',
    summary: 'Agencies a client may consent to share the case with',
    response: { 200: partnerAgencyList },
  },
});

export const consentRoutes = defineRoutes(consentEndpoints, group, {
  list: {
    access: 'consents.read',
    summary: 'Consents of a client, including withdrawn ones',
    response: { 200: z.object({ items: z.array(consentView), total: z.number().int() }) },
  },
  create: {
    access: 'consents.write',
    summary: 'Record a consent (purpose, form, date; a sharing consent names the partner agency)',
    body: createConsentRequest,
    response: { 201: consentView },
  },
  withdraw: {
    access: 'consents.write',
    summary: 'Withdraw a consent; takes effect at once (sharing ends, health flags are erased)',
    body: z.strictObject({}).optional(),
    response: { 200: consentView },
  },
});

export const contactRoutes = defineRoutes(contactEndpoints, group, {
  list: {
    access: 'contacts.read',
    summary: 'Contacts with a client, newest first (notes only for those who may see the case)',
    query: contactListQuery,
    response: { 200: paged(contactView) },
  },
  create: {
    access: 'contacts.write',
    summary: 'Document a contact (meeting, phone call, home visit, accompaniment, letter)',
    body: createContactRequest,
    response: { 201: contactView },
  },
});

export const caseloadRoutes = defineRoutes(caseloadEndpoints, group, {
  read: {
    access: 'caseload.read',
    summary:
      'Reminders: goals near their date, clients without contact for N weeks, referrals awaiting feedback',
    query: caseloadQuery,
    response: { 200: caseloadView },
  },
});

const clientImportQuery = z.strictObject({
  /** JSON object: client field -> column header; omitted: suggested from the headers. */
  mapping: z.string().max(4000).optional(),
});

export const clientImportRoutes = defineRoutes(clientImportEndpoints, group, {
  preview: {
    access: 'clients.import',
    summary: 'Preview a CSV/XLSX client list: headers, suggested column mapping, first rows with problems',
    query: clientImportQuery,
  },
  run: {
    access: 'clients.import',
    summary: 'Import clients from CSV/XLSX (streamed): row-level errors, duplicates flagged and skipped',
    query: clientImportQuery,
  },
});

export const clientRecordRoutes = defineRoutes(clientRecordEndpoints, group, {
  exportRecord: {
    access: 'clients.export',
    summary: 'The client’s full record (GDPR Art. 15) as JSON, or as PDF with ?format=pdf',
    query: z.strictObject({ format: z.enum(['json', 'pdf']).default('json') }),
  },
  downloadConsentForm: {
    access: 'consents.write',
    summary: 'Printable consent form (PDF) for the client, in German or easy language (de-LS)',
    query: z.strictObject({ language: z.enum(['de', 'de-LS']).default('de') }),
  },
  downloadGoalAgreement: {
    access: 'goals.read',
    summary: 'Printable goal agreement (PDF) with the open goals, for the client to keep',
  },
  erase: {
    access: 'clients.erase',
    summary: 'Erase or anonymise a client after the retention period, with a reason code (audited)',
    body: eraseClientRequest,
  },
});

export const goalRoutes = defineRoutes(goalEndpoints, group, {
  list: {
    access: 'goals.read',
    summary: 'Goals agreed with a client',
    response: { 200: z.object({ items: z.array(goalView), total: z.number().int() }) },
  },
  create: {
    access: 'goals.write',
    summary: 'Agree a goal, linked to a participation dimension',
    body: createGoalRequest,
    response: { 201: goalView },
  },
  update: {
    access: 'goals.write',
    summary: 'Change a goal: steps, target date, status, review',
    body: updateGoalRequest,
    response: { 200: goalView },
  },
});
