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
import { idParams } from './params.ts';
import { defineRoutes } from './route.ts';

const tags = ['Fallarbeit'];

export const clientRoutes = defineRoutes(clientEndpoints, {
  list: {
    tags,
    summary: 'Clients of the own agency and shared with it; typo-tolerant search with ?query=',
    query: clientListQuery,
    response: { 200: paged(clientSummary) },
  },
  create: {
    tags,
    summary:
      'Create a client and open a case (409 with the possible duplicates - same birth date, same or similar name - unless allowDuplicate)',
    body: createClientRequest,
    response: { 201: clientView },
  },
  read: {
    tags,
    summary: 'A client with cases (audited)',
    params: idParams,
    response: { 200: clientView },
  },
  update: {
    tags,
    summary: 'Change a client’s master data',
    params: idParams,
    body: updateClientRequest,
    response: { 200: clientView },
  },
});

export const caseRoutes = defineRoutes(caseEndpoints, {
  close: {
    tags,
    summary: 'Close the open case with an outcome',
    params: idParams,
    body: closeCaseRequest,
    response: { 200: clientView },
  },
  reopen: {
    tags,
    summary: 'Open a new case for the client; earlier cases stay in the history',
    params: idParams,
    body: reopenCaseRequest,
    response: { 200: clientView },
  },
  handover: {
    tags,
    summary: 'Hand the case over to another guide (and set deputies), with a reason',
    params: idParams,
    body: handoverRequest,
    response: { 200: clientView },
  },
  share: {
    tags,
    summary: 'Share the case with a partner agency (needs an active sharing consent for it)',
    params: idParams,
    body: shareCaseRequest,
    response: { 200: clientView },
  },
  listGuides: { tags, summary: 'Staff of the own agency who can guide cases', response: { 200: staffList } },
  listPartnerAgencies: {
    tags,
    summary: 'Agencies a client may consent to share the case with',
    response: { 200: partnerAgencyList },
  },
});

export const consentRoutes = defineRoutes(consentEndpoints, {
  list: {
    tags,
    summary: 'Consents of a client, including withdrawn ones',
    params: idParams,
    response: { 200: z.object({ items: z.array(consentView), total: z.number().int() }) },
  },
  create: {
    tags,
    summary: 'Record a consent (purpose, form, date; a sharing consent names the partner agency)',
    params: idParams,
    body: createConsentRequest,
    response: { 201: consentView },
  },
  withdraw: {
    tags,
    summary: 'Withdraw a consent; takes effect at once (sharing ends, health flags are erased)',
    params: idParams,
    body: z.strictObject({}).optional(),
    response: { 200: consentView },
  },
});

export const contactRoutes = defineRoutes(contactEndpoints, {
  list: {
    tags,
    summary: 'Contacts with a client, newest first (notes only for those who may see the case)',
    params: idParams,
    query: contactListQuery,
    response: { 200: paged(contactView) },
  },
  create: {
    tags,
    summary: 'Document a contact (meeting, phone call, home visit, accompaniment, letter)',
    params: idParams,
    body: createContactRequest,
    response: { 201: contactView },
  },
});

export const caseloadRoutes = defineRoutes(caseloadEndpoints, {
  read: {
    tags,
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

export const clientImportRoutes = defineRoutes(clientImportEndpoints, {
  preview: {
    tags,
    summary: 'Preview a CSV/XLSX client list: headers, suggested column mapping, first rows with problems',
    query: clientImportQuery,
  },
  run: {
    tags,
    summary: 'Import clients from CSV/XLSX (streamed): row-level errors, duplicates flagged and skipped',
    query: clientImportQuery,
  },
});

export const clientRecordRoutes = defineRoutes(clientRecordEndpoints, {
  exportRecord: {
    tags,
    summary: 'The client’s full record (GDPR Art. 15) as JSON, or as PDF with ?format=pdf',
    params: idParams,
    query: z.strictObject({ format: z.enum(['json', 'pdf']).default('json') }),
  },
  downloadConsentForm: {
    tags,
    summary: 'Printable consent form (PDF) for the client, in German or easy language (de-LS)',
    params: idParams,
    query: z.strictObject({ language: z.enum(['de', 'de-LS']).default('de') }),
  },
  downloadGoalAgreement: {
    tags,
    summary: 'Printable goal agreement (PDF) with the open goals, for the client to keep',
    params: idParams,
  },
  erase: {
    tags,
    summary: 'Erase or anonymise a client after the retention period, with a reason code (audited)',
    params: idParams,
    body: eraseClientRequest,
  },
});

export const goalRoutes = defineRoutes(goalEndpoints, {
  list: {
    tags,
    summary: 'Goals agreed with a client',
    params: idParams,
    response: { 200: z.object({ items: z.array(goalView), total: z.number().int() }) },
  },
  create: {
    tags,
    summary: 'Agree a goal, linked to a participation dimension',
    params: idParams,
    body: createGoalRequest,
    response: { 201: goalView },
  },
  update: {
    tags,
    summary: 'Change a goal: steps, target date, status, review',
    params: idParams,
    body: updateGoalRequest,
    response: { 200: goalView },
  },
});
