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
import { defineRoutes } from './route.ts';

const offerTags = ['Angebote'];

export const offerRoutes = defineRoutes(offerEndpoints, {
  list: {
    tags: offerTags,
    summary: 'Search the offer directory (own offers and the shared regional directory)',
    query: offerQuery,
    response: { 200: paged(offerView) },
  },
  create: {
    tags: offerTags,
    summary: 'Add an offer to the own directory',
    body: createOfferRequest,
    response: { 201: offerView },
  },
  read: { tags: offerTags, summary: 'One offer', params: idParams, response: { 200: offerView } },
  update: {
    tags: offerTags,
    summary: 'Change an offer of the own directory (free places, validity, publishing ...)',
    params: idParams,
    body: updateOfferRequest,
    response: { 200: offerView },
  },
  import: {
    tags: offerTags,
    summary:
      'Import offers from CSV/XLSX (base64): preview with row-level errors; commit writes nothing while a row is invalid unless skipInvalid',
    body: importRequest,
    response: { 200: importResult },
  },
  export: {
    tags: offerTags,
    summary: 'The own directory as CSV or XLSX (the import format)',
    query: exportQuery,
  },
});

const partnerTags = ['Netzwerk'];

export const partnerRoutes = defineRoutes(partnerEndpoints, {
  list: {
    tags: partnerTags,
    summary: 'Network partners: own and those behind offers of the shared directory',
    query: partnerQuery,
    response: { 200: paged(partnerView) },
  },
  read: {
    tags: partnerTags,
    summary: 'One network partner',
    params: idParams,
    response: { 200: partnerView },
  },
  create: {
    tags: partnerTags,
    summary: 'Add a network partner',
    body: createPartnerRequest,
    response: { 201: partnerView },
  },
  update: {
    tags: partnerTags,
    summary: 'Change a partner of the own agency (only the given fields)',
    params: idParams,
    body: updatePartnerRequest,
    response: { 200: partnerView },
  },
  import: {
    tags: partnerTags,
    summary:
      'Import partners from CSV/XLSX (base64): preview with row-level errors; commit writes nothing while a row is invalid unless skipInvalid',
    body: importRequest,
    response: { 200: importResult },
  },
  export: {
    tags: partnerTags,
    summary: 'The own partners as CSV or XLSX (the import format)',
    query: exportQuery,
  },
});

const referralTags = ['Zuweisungen'];

export const referralRoutes = defineRoutes(referralEndpoints, {
  suggestions: {
    tags: referralTags,
    summary:
      'Offers that fit the client’s needs (latest assessment, open goals), district and language, ranked with the reason',
    params: idParams,
    query: suggestionQuery,
    response: { 200: suggestionsResponse },
  },
  list: {
    tags: referralTags,
    summary: 'Referrals of a client to offers',
    params: idParams,
    query: referralQuery,
    response: { 200: paged(referralView) },
  },
  create: {
    tags: referralTags,
    summary: 'Refer a client to an offer (takes a free place; a full offer needs overrideCapacity)',
    params: idParams,
    body: createReferralRequest,
    response: { 201: referralView },
  },
  update: {
    tags: referralTags,
    summary: 'Move a referral on (referred, started, completed, dropped with reason) or record feedback',
    params: idParams,
    body: updateReferralRequest,
    response: { 200: referralView },
  },
});

const feedbackTokenParams = z.object({ token: referralFeedbackToken });

/**
 * Feedback on a referral: staff enter it, or a guide hands the partner a one-time link to a public page
 * that shows only the first name with the surname initial, the offer and the date.
 */
export const referralFeedbackRoutes = defineRoutes(referralFeedbackEndpoints, {
  record: {
    tags: referralTags,
    summary: 'Record the partner’s feedback (came, started, ended, did not come) with a short note',
    params: idParams,
    body: staffReferralFeedbackRequest,
    response: { 200: referralView },
  },
  createLink: {
    tags: referralTags,
    summary: 'Create a one-time feedback link for the partner (replaces an open older link)',
    params: idParams,
    response: { 201: referralFeedbackLinkView },
  },
  listLinks: {
    tags: referralTags,
    summary: 'The feedback links of a referral with their status (never a token)',
    params: idParams,
    response: { 200: referralFeedbackLinkList },
  },
  revokeLink: {
    tags: referralTags,
    summary: 'Revoke an open feedback link at once',
    params: idParams,
    response: { 200: referralFeedbackLinkSummary },
  },
  open: {
    tags: referralTags,
    summary: 'Public: what the partner may see of the referral behind a feedback link',
    params: feedbackTokenParams,
    response: { 200: publicReferralFeedbackView },
  },
  submit: {
    tags: referralTags,
    summary: 'Public: report once whether the person came, started, ended or did not come',
    params: feedbackTokenParams,
    body: referralFeedbackRequest,
    response: { 201: z.object({ recorded: z.literal(true) }) },
  },
});

const eventTags = ['Veranstaltungen'];

export const eventRoutes = defineRoutes(eventEndpoints, {
  list: {
    tags: eventTags,
    summary: 'Network events (round tables, working groups, expert dialogues, workshops, conferences)',
    query: eventQuery,
    response: { 200: paged(eventView) },
  },
  create: {
    tags: eventTags,
    summary: 'Create a network event; the code ("V 26/014") is assigned unless given',
    body: createEventRequest,
    response: { 201: eventView },
  },
  calendar: {
    tags: eventTags,
    summary: 'iCalendar feed of the network events (last 180 days and upcoming)',
  },
  feedToken: {
    tags: eventTags,
    summary: 'Whether the signed-in user has a personal calendar feed link',
    response: { 200: feedTokenView },
  },
  createFeedToken: {
    tags: eventTags,
    summary:
      'Create the personal calendar feed link (replaces an earlier one); the secret path is shown only here',
    response: { 201: feedTokenView },
  },
  revokeFeedToken: {
    tags: eventTags,
    summary: 'Revoke the personal calendar feed link',
    response: { 200: feedTokenView },
  },
  feed: {
    tags: eventTags,
    summary: 'iCalendar feed behind a personal secret link (for calendar apps, no session needed)',
    params: feedTokenParams,
  },
  downloadIcs: { tags: eventTags, summary: 'One event as iCalendar file', params: idParams },
  read: { tags: eventTags, summary: 'One network event', params: idParams, response: { 200: eventView } },
  update: {
    tags: eventTags,
    summary:
      'Change an event of the own agency (times as instants or as wall-clock time of the agency); registered people are notified of a new time or place',
    params: idParams,
    body: updateEventRequest,
    response: { 200: eventView },
  },
  cancel: {
    tags: eventTags,
    summary: 'Cancel an event of the own agency; everyone registered or waiting is notified in the app',
    params: idParams,
    body: cancelEventRequest,
    response: { 200: eventView.extend({ notified: z.number().int() }) },
  },
  attendees: {
    tags: eventTags,
    summary: 'Attendee and waiting list of an event of the own agency (staff of all agencies)',
    params: idParams,
    response: { 200: eventAttendeesView },
  },
  register: {
    tags: eventTags,
    summary: 'Register the signed-in staff member (waiting list when full)',
    params: idParams,
    body: registerRequest,
    response: { 201: registrationView },
  },
  unregister: {
    tags: eventTags,
    summary:
      "Cancel the signed-in staff member's registration; a freed place goes to the first of the waiting list",
    params: idParams,
    response: { 200: cancelRegistrationView },
  },
});

const publicationTags = ['Gute Praxis'];

export const publicationRoutes = defineRoutes(publicationEndpoints, {
  list: {
    tags: publicationTags,
    summary: 'Good practice, guides, instruments and reports (search by text, kind and tag)',
    query: publicationQuery,
    response: { 200: paged(publicationView) },
  },
  create: {
    tags: publicationTags,
    summary: 'Publish a document with an optional file (PDF, DOCX, XLSX, ODT, PNG, JPEG, TXT; max. 10 MB)',
    body: createPublicationRequest,
    response: { 201: publicationView },
  },
  downloadFile: { tags: publicationTags, summary: 'Download the file of a publication', params: idParams },
});

export const planningRoutes = defineRoutes(planningEndpoints, {
  needsVsOffers: {
    tags: ['Angebotsplanung'],
    summary: 'Needs versus offers per district and dimension (counts below the threshold suppressed)',
    query: planningQuery,
    response: { 200: planningResponse },
  },
});
