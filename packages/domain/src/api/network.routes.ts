import { z } from 'zod';
import { oneTimeLinkToken } from '../common/one-time-link.ts';
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
import { answers, behindLink, oneTimeLinkContracts, queried, recordContracts } from './contracts.ts';
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
import { spreadsheetImport } from './spreadsheet-import.ts';

/** Import and export of a network directory in one spreadsheet format (offers, partners). */
function spreadsheetTransfer(records: string, exported: string) {
  return {
    import: spreadsheetImport(
      'network.import',
      `Import ${records} from CSV/XLSX (base64): preview with row-level errors; commit writes nothing while a row is invalid unless skipInvalid`,
    ),
    export: {
      access: 'network.read',
      summary: `${exported} as CSV or XLSX (the import format)`,
      query: exportQuery,
    },
  } as const;
}

const directory = { read: 'network.read', write: 'network.write' } as const;
const offer = recordContracts(offerView, directory);
const offerGroup = { tags: ['Angebote'] };

export const offerRoutes = defineRoutes(offerEndpoints, offerGroup, {
  list: offer.list('Search the offer directory (own offers and the shared regional directory)', offerQuery),
  create: offer.create('Add an offer to the own directory', createOfferRequest),
  read: offer.read('One offer'),
  update: offer.change(
    'Change an offer of the own directory (free places, validity, publishing ...)',
    updateOfferRequest,
  ),
  ...spreadsheetTransfer('offers', 'The own directory'),
});

const partner = recordContracts(partnerView, directory);
const partnerGroup = { tags: ['Netzwerk'] };

export const partnerRoutes = defineRoutes(partnerEndpoints, partnerGroup, {
  list: partner.list('Network partners: own and those behind offers of the shared directory', partnerQuery),
  read: partner.read('One network partner'),
  create: partner.create('Add a network partner', createPartnerRequest),
  update: partner.change('Change a partner of the own agency (only the given fields)', updatePartnerRequest),
  ...spreadsheetTransfer('partners', 'The own partners'),
});

const referral = recordContracts(referralView, { read: 'referrals.read', write: 'referrals.write' });
const referralGroup = { tags: ['Zuweisungen'] };

export const referralRoutes = defineRoutes(referralEndpoints, referralGroup, {
  suggestions: queried(
    'referrals.read',
    'Offers that fit the client’s needs (latest assessment, open goals), district and language, ranked with the reason',
    suggestionQuery,
    suggestionsResponse,
  ),
  list: referral.list('Referrals of a client to offers', referralQuery),
  create: referral.create(
    'Refer a client to an offer (takes a free place; a full offer needs overrideCapacity)',
    createReferralRequest,
  ),
  update: referral.change(
    'Move a referral on (referred, started, completed, dropped with reason) or record feedback',
    updateReferralRequest,
  ),
});

const feedbackLinks = oneTimeLinkContracts(
  { read: 'referrals.read', write: 'referrals.write' },
  {
    created: referralFeedbackLinkView,
    list: referralFeedbackLinkList,
    summary: referralFeedbackLinkSummary,
  },
);
const feedbackLink = behindLink(z.object({ token: oneTimeLinkToken }));

/**
 * Feedback on a referral: staff enter it, or a guide hands the partner a one-time link to a public page
 * that shows only the first name with the surname initial, the offer and the date.
 */
export const referralFeedbackRoutes = defineRoutes(referralFeedbackEndpoints, referralGroup, {
  record: referral.change(
    'Record the partner’s feedback (came, started, ended, did not come) with a short note',
    staffReferralFeedbackRequest,
  ),
  createLink: feedbackLinks.create(
    'Create a one-time feedback link for the partner (replaces an open older link)',
  ),
  listLinks: feedbackLinks.list('The feedback links of a referral with their status (never a token)'),
  revokeLink: feedbackLinks.revoke('Revoke an open feedback link at once'),
  open: {
    ...feedbackLink,
    summary: 'Public: what the partner may see of the referral behind a feedback link',
    response: { 200: publicReferralFeedbackView },
  },
  submit: {
    ...feedbackLink,
    summary: 'Public: report once whether the person came, started, ended or did not come',
    body: referralFeedbackRequest,
    response: { 201: z.object({ recorded: z.literal(true) }) },
  },
});

const event = recordContracts(eventView, { read: 'network.read', write: 'events.write' });
/** Everyone who may read the events keeps their own calendar feed link. */
const feedToken = recordContracts(feedTokenView, { read: 'network.read', write: 'network.read' });
const eventGroup = { tags: ['Veranstaltungen'] };

export const eventRoutes = defineRoutes(eventEndpoints, eventGroup, {
  list: event.list(
    'Network events (round tables, working groups, expert dialogues, workshops, conferences)',
    eventQuery,
  ),
  create: event.create(
    'Create a network event; the code ("V 26/014") is assigned unless given',
    createEventRequest,
  ),
  calendar: {
    access: 'network.read',
    summary: 'iCalendar feed of the network events (last 180 days and upcoming)',
  },
  feedToken: feedToken.read('Whether the signed-in user has a personal calendar feed link'),
  createFeedToken: feedToken.create(
    'Create the personal calendar feed link (replaces an earlier one); the secret path is shown only here',
  ),
  revokeFeedToken: feedToken.change('Revoke the personal calendar feed link'),
  feed: {
    ...behindLink(feedTokenParams),
    summary: 'iCalendar feed behind a personal secret link (for calendar apps, no session needed)',
  },
  downloadIcs: { access: 'network.read', summary: 'One event as iCalendar file', params: idParams },
  read: event.read('One network event'),
  update: event.change(
    'Change an event of the own agency (times as instants or as wall-clock time of the agency); registered people are notified of a new time or place',
    updateEventRequest,
  ),
  cancel: {
    access: 'events.write',
    summary: 'Cancel an event of the own agency; everyone registered or waiting is notified in the app',
    body: cancelEventRequest,
    response: { 200: eventView.extend({ notified: z.number().int() }) },
  },
  attendees: answers(
    'events.write',
    'Attendee and waiting list of an event of the own agency (staff of all agencies)',
    eventAttendeesView,
  ),
  register: {
    access: 'events.register',
    summary: 'Register the signed-in staff member (waiting list when full)',
    body: registerRequest,
    response: { 201: registrationView },
  },
  unregister: answers(
    'events.register',
    "Cancel the signed-in staff member's registration; a freed place goes to the first of the waiting list",
    cancelRegistrationView,
  ),
});

const publication = recordContracts(publicationView, { read: 'network.read', write: 'publications.write' });
const publicationGroup = { tags: ['Gute Praxis'] };

export const publicationRoutes = defineRoutes(publicationEndpoints, publicationGroup, {
  list: publication.list(
    'Good practice, guides, instruments and reports (search by text, kind and tag)',
    publicationQuery,
  ),
  create: {
    ...publication.create(
      'Publish a document with an optional file (PDF, DOCX, XLSX, ODT, PNG, JPEG, TXT; max. 10 MB)',
      createPublicationRequest,
    ),
    // A file of up to 10 MB arrives base64-encoded in the JSON body.
    bodyLimit: 15 * 1024 * 1024,
  },
  downloadFile: { access: 'network.read', summary: 'Download the file of a publication' },
});

const planningGroup = { tags: ['Angebotsplanung'] };

export const planningRoutes = defineRoutes(planningEndpoints, planningGroup, {
  needsVsOffers: queried(
    'planning.read',
    'Needs versus offers per district and dimension (counts below the threshold suppressed)',
    planningQuery,
    planningResponse,
  ),
});
