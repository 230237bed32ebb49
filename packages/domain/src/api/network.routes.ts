import { z } from 'zod';
import { paged } from '../common/paging.ts';
import {
  cancelEventRequest,
  cancelRegistrationView,
  createEventRequest,
  createOfferRequest,
  createPartnerRequest,
  createPublicationRequest,
  createReferralRequest,
  eventAttendeesView,
  eventQuery,
  eventView,
  exportQuery,
  feedTokenParams,
  feedTokenView,
  importRequest,
  importResult,
  offerQuery,
  offerView,
  partnerQuery,
  partnerView,
  planningQuery,
  planningResponse,
  publicationQuery,
  publicationView,
  publicReferralFeedbackView,
  referralFeedbackLinkList,
  referralFeedbackLinkSummary,
  referralFeedbackLinkView,
  referralFeedbackRequest,
  referralFeedbackToken,
  referralQuery,
  referralView,
  registerRequest,
  registrationView,
  staffReferralFeedbackRequest,
  suggestionQuery,
  suggestionsResponse,
  updateEventRequest,
  updateOfferRequest,
  updatePartnerRequest,
  updateReferralRequest,
} from '../network/index.ts';
import { defineRoutes } from './define-routes.ts';
import {
  eventEndpoints,
  offerEndpoints,
  partnerEndpoints,
  planningEndpoints,
  publicationEndpoints,
  referralEndpoints,
  referralFeedbackEndpoints,
} from './network.endpoints.ts';
import { idParams } from './params.ts';

/** Import and export of a network directory in one spreadsheet format (offers, partners). */
function spreadsheetTransfer(records: string, exported: string) {
  return {
    import: {
      access: 'network.import',
      bodyLimit: 15 * 1024 * 1024,
      summary: `Import ${records} from CSV/XLSX (base64): preview with row-level errors; commit writes nothing while a row is invalid unless skipInvalid`,
      body: importRequest,
      response: { 200: importResult },
    },
    export: {
      access: 'network.read',
      summary: `${exported} as CSV or XLSX (the import format)`,
      query: exportQuery,
    },
  } as const;
}

const offerGroup = { tags: ['Angebote'] };

export const offerRoutes = defineRoutes(offerEndpoints, offerGroup, {
  list: {
    access: 'network.read',
    summary: 'Search the offer directory (own offers and the shared regional directory)',
    query: offerQuery,
    response: { 200: paged(offerView) },
  },
  create: {
    access: 'network.write',
    summary: 'Add an offer to the own directory',
    body: createOfferRequest,
    response: { 201: offerView },
  },
  read: { access: 'network.read', summary: 'One offer', response: { 200: offerView } },
  update: {
    access: 'network.write',
    summary: 'Change an offer of the own directory (free places, validity, publishing ...)',
    body: updateOfferRequest,
    response: { 200: offerView },
  },
  ...spreadsheetTransfer('offers', 'The own directory'),
});

const partnerGroup = { tags: ['Netzwerk'] };

export const partnerRoutes = defineRoutes(partnerEndpoints, partnerGroup, {
  list: {
    access: 'network.read',
    summary: 'Network partners: own and those behind offers of the shared directory',
    query: partnerQuery,
    response: { 200: paged(partnerView) },
  },
  read: {
    access: 'network.read',
    summary: 'One network partner',
    response: { 200: partnerView },
  },
  create: {
    access: 'network.write',
    summary: 'Add a network partner',
    body: createPartnerRequest,
    response: { 201: partnerView },
  },
  update: {
    access: 'network.write',
    summary: 'Change a partner of the own agency (only the given fields)',
    body: updatePartnerRequest,
    response: { 200: partnerView },
  },
  ...spreadsheetTransfer('partners', 'The own partners'),
});

const referralGroup = { tags: ['Zuweisungen'] };

export const referralRoutes = defineRoutes(referralEndpoints, referralGroup, {
  suggestions: {
    access: 'referrals.read',
    summary:
      'Offers that fit the client’s needs (latest assessment, open goals), district and language, ranked with the reason',
    query: suggestionQuery,
    response: { 200: suggestionsResponse },
  },
  list: {
    access: 'referrals.read',
    summary: 'Referrals of a client to offers',
    query: referralQuery,
    response: { 200: paged(referralView) },
  },
  create: {
    access: 'referrals.write',
    summary: 'Refer a client to an offer (takes a free place; a full offer needs overrideCapacity)',
    body: createReferralRequest,
    response: { 201: referralView },
  },
  update: {
    access: 'referrals.write',
    summary: 'Move a referral on (referred, started, completed, dropped with reason) or record feedback',
    body: updateReferralRequest,
    response: { 200: referralView },
  },
});

const feedbackTokenParams = z.object({ token: referralFeedbackToken });

/**
 * Feedback on a referral: staff enter it, or a guide hands the partner a one-time link to a public page
 * that shows only the first name with the surname initial, the offer and the date.
 */
export const referralFeedbackRoutes = defineRoutes(referralFeedbackEndpoints, referralGroup, {
  record: {
    access: 'referrals.write',
    summary: 'Record the partner’s feedback (came, started, ended, did not come) with a short note',
    body: staffReferralFeedbackRequest,
    response: { 200: referralView },
  },
  createLink: {
    access: 'referrals.write',
    summary: 'Create a one-time feedback link for the partner (replaces an open older link)',
    response: { 201: referralFeedbackLinkView },
  },
  listLinks: {
    access: 'referrals.read',
    summary: 'The feedback links of a referral with their status (never a token)',
    response: { 200: referralFeedbackLinkList },
  },
  revokeLink: {
    access: 'referrals.write',
    summary: 'Revoke an open feedback link at once',
    response: { 200: referralFeedbackLinkSummary },
  },
  open: {
    access: 'public',
    secretParams: ['token'],
    summary: 'Public: what the partner may see of the referral behind a feedback link',
    params: feedbackTokenParams,
    response: { 200: publicReferralFeedbackView },
  },
  submit: {
    access: 'public',
    secretParams: ['token'],
    summary: 'Public: report once whether the person came, started, ended or did not come',
    params: feedbackTokenParams,
    body: referralFeedbackRequest,
    response: { 201: z.object({ recorded: z.literal(true) }) },
  },
});

const eventGroup = { tags: ['Veranstaltungen'] };

export const eventRoutes = defineRoutes(eventEndpoints, eventGroup, {
  list: {
    access: 'network.read',
    summary: 'Network events (round tables, working groups, expert dialogues, workshops, conferences)',
    query: eventQuery,
    response: { 200: paged(eventView) },
  },
  create: {
    access: 'events.write',
    summary: 'Create a network event; the code ("V 26/014") is assigned unless given',
    body: createEventRequest,
    response: { 201: eventView },
  },
  calendar: {
    access: 'network.read',
    summary: 'iCalendar feed of the network events (last 180 days and upcoming)',
  },
  feedToken: {
    access: 'network.read',
    summary: 'Whether the signed-in user has a personal calendar feed link',
    response: { 200: feedTokenView },
  },
  createFeedToken: {
    access: 'network.read',
    summary:
      'Create the personal calendar feed link (replaces an earlier one); the secret path is shown only here',
    response: { 201: feedTokenView },
  },
  revokeFeedToken: {
    access: 'network.read',
    summary: 'Revoke the personal calendar feed link',
    response: { 200: feedTokenView },
  },
  feed: {
    access: 'public',
    secretParams: ['token'],
    summary: 'iCalendar feed behind a personal secret link (for calendar apps, no session needed)',
    params: feedTokenParams,
  },
  downloadIcs: { access: 'network.read', summary: 'One event as iCalendar file', params: idParams },
  read: { access: 'network.read', summary: 'One network event', response: { 200: eventView } },
  update: {
    access: 'events.write',
    summary:
      'Change an event of the own agency (times as instants or as wall-clock time of the agency); registered people are notified of a new time or place',
    body: updateEventRequest,
    response: { 200: eventView },
  },
  cancel: {
    access: 'events.write',
    summary: 'Cancel an event of the own agency; everyone registered or waiting is notified in the app',
    body: cancelEventRequest,
    response: { 200: eventView.extend({ notified: z.number().int() }) },
  },
  attendees: {
    access: 'events.write',
    summary: 'Attendee and waiting list of an event of the own agency (staff of all agencies)',
    response: { 200: eventAttendeesView },
  },
  register: {
    access: 'events.register',
    summary: 'Register the signed-in staff member (waiting list when full)',
    body: registerRequest,
    response: { 201: registrationView },
  },
  unregister: {
    access: 'events.register',
    summary:
      "Cancel the signed-in staff member's registration; a freed place goes to the first of the waiting list",
    response: { 200: cancelRegistrationView },
  },
});

const publicationGroup = { tags: ['Gute Praxis'] };

export const publicationRoutes = defineRoutes(publicationEndpoints, publicationGroup, {
  list: {
    access: 'network.read',
    summary: 'Good practice, guides, instruments and reports (search by text, kind and tag)',
    query: publicationQuery,
    response: { 200: paged(publicationView) },
  },
  create: {
    access: 'publications.write',
    // A file of up to 10 MB arrives base64-encoded in the JSON body.
    bodyLimit: 15 * 1024 * 1024,
    summary: 'Publish a document with an optional file (PDF, DOCX, XLSX, ODT, PNG, JPEG, TXT; max. 10 MB)',
    body: createPublicationRequest,
    response: { 201: publicationView },
  },
  downloadFile: { access: 'network.read', summary: 'Download the file of a publication' },
});

const planningGroup = { tags: ['Angebotsplanung'] };

export const planningRoutes = defineRoutes(planningEndpoints, planningGroup, {
  needsVsOffers: {
    access: 'planning.read',
    summary: 'Needs versus offers per district and dimension (counts below the threshold suppressed)',
    query: planningQuery,
    response: { 200: planningResponse },
  },
});
