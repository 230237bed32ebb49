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
import { counted } from '../common/paging.ts';
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
import { answers, pagedList, queried, recordContracts } from './contracts.ts';
import { defineRoutes } from './define-routes.ts';

const group = { tags: ['Fallarbeit'] };
const client = recordContracts(clientView, { read: 'clients.read', write: 'clients.write' });

export const clientRoutes = defineRoutes(clientEndpoints, group, {
  list: pagedList(
    'clients.read',
    'Clients of the own agency and shared with it; typo-tolerant search with ?query=',
    clientListQuery,
    clientSummary,
  ),
  create: client.create(
    'Create a client and open a case (409 with the possible duplicates - same birth date, same or similar name - unless allowDuplicate)',
    createClientRequest,
  ),
  read: client.read('A client with cases (audited)'),
  update: client.change('Change a client’s master data', updateClientRequest),
});

/** A step in the client's case answers with the client and all its cases. */
const caseOfClient = recordContracts(clientView, { read: 'clients.read', write: 'cases.manage' });

export const caseRoutes = defineRoutes(caseEndpoints, group, {
  close: caseOfClient.change('Close the open case with an outcome', closeCaseRequest),
  reopen: caseOfClient.change(
    'Open a new case for the client; earlier cases stay in the history',
    reopenCaseRequest,
  ),
  handover: caseOfClient.change(
    'Hand the case over to another guide (and set deputies), with a reason',
    handoverRequest,
  ),
  share: caseOfClient.change(
    'Share the case with a partner agency (needs an active sharing consent for it)',
    shareCaseRequest,
  ),
  listGuides: answers('cases.manage', 'Staff of the own agency who can guide cases', staffList),
  listPartnerAgencies: answers(
    'consents.write',
    'Agencies a client may consent to share the case with',
    partnerAgencyList,
  ),
});

const consent = recordContracts(consentView, { read: 'consents.read', write: 'consents.write' });

export const consentRoutes = defineRoutes(consentEndpoints, group, {
  list: answers('consents.read', 'Consents of a client, including withdrawn ones', counted(consentView)),
  create: consent.create(
    'Record a consent (purpose, form, date; a sharing consent names the partner agency)',
    createConsentRequest,
  ),
  withdraw: consent.change(
    'Withdraw a consent; takes effect at once (sharing ends, health flags are erased)',
    z.strictObject({}).optional(),
  ),
});

const contact = recordContracts(contactView, { read: 'contacts.read', write: 'contacts.write' });

export const contactRoutes = defineRoutes(contactEndpoints, group, {
  list: contact.list(
    'Contacts with a client, newest first (notes only for those who may see the case)',
    contactListQuery,
  ),
  create: contact.create(
    'Document a contact (meeting, phone call, home visit, accompaniment, letter)',
    createContactRequest,
  ),
});

export const caseloadRoutes = defineRoutes(caseloadEndpoints, group, {
  read: queried(
    'caseload.read',
    'Reminders: goals near their date, clients without contact for N weeks, referrals awaiting feedback',
    caseloadQuery,
    caseloadView,
  ),
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

const goal = recordContracts(goalView, { read: 'goals.read', write: 'goals.write' });

export const goalRoutes = defineRoutes(goalEndpoints, group, {
  list: answers('goals.read', 'Goals agreed with a client', counted(goalView)),
  create: goal.create('Agree a goal, linked to a participation dimension', createGoalRequest),
  update: goal.change('Change a goal: steps, target date, status, review', updateGoalRequest),
});
