import type { Endpoint } from './route.ts';

/** The network: offers, partners, referrals and their feedback, events, publications, planning. */

export const offerEndpoints = {
  list: { method: 'GET', path: '/api/offers' },
  create: { method: 'POST', path: '/api/offers' },
  read: { method: 'GET', path: '/api/offers/:id' },
  update: { method: 'PATCH', path: '/api/offers/:id' },
  import: { method: 'POST', path: '/api/offers/import' },
  export: { method: 'GET', path: '/api/offers/export' },
} as const satisfies Record<string, Endpoint>;

export const partnerEndpoints = {
  list: { method: 'GET', path: '/api/partners' },
  read: { method: 'GET', path: '/api/partners/:id' },
  create: { method: 'POST', path: '/api/partners' },
  update: { method: 'PATCH', path: '/api/partners/:id' },
  import: { method: 'POST', path: '/api/partners/import' },
  export: { method: 'GET', path: '/api/partners/export' },
} as const satisfies Record<string, Endpoint>;

export const referralEndpoints = {
  suggestions: { method: 'GET', path: '/api/clients/:id/offer-suggestions' },
  list: { method: 'GET', path: '/api/clients/:id/referrals' },
  create: { method: 'POST', path: '/api/clients/:id/referrals' },
  update: { method: 'PATCH', path: '/api/referrals/:id' },
} as const satisfies Record<string, Endpoint>;

export const referralFeedbackEndpoints = {
  record: { method: 'POST', path: '/api/referrals/:id/feedback' },
  createLink: { method: 'POST', path: '/api/referrals/:id/feedback-links' },
  listLinks: { method: 'GET', path: '/api/referrals/:id/feedback-links' },
  revokeLink: { method: 'POST', path: '/api/referral-feedback-links/:id/revoke' },
  open: { method: 'GET', path: '/api/referral-feedback/:token' },
  submit: { method: 'POST', path: '/api/referral-feedback/:token' },
} as const satisfies Record<string, Endpoint>;

export const eventEndpoints = {
  list: { method: 'GET', path: '/api/events' },
  create: { method: 'POST', path: '/api/events' },
  calendar: { method: 'GET', path: '/api/events.ics' },
  feedToken: { method: 'GET', path: '/api/events/feed-token' },
  createFeedToken: { method: 'POST', path: '/api/events/feed-token' },
  revokeFeedToken: { method: 'DELETE', path: '/api/events/feed-token' },
  feed: { method: 'GET', path: '/api/events/feed/:token.ics' },
  downloadIcs: { method: 'GET', path: '/api/events/:id.ics' },
  read: { method: 'GET', path: '/api/events/:id' },
  update: { method: 'PATCH', path: '/api/events/:id' },
  cancel: { method: 'POST', path: '/api/events/:id/cancel' },
  attendees: { method: 'GET', path: '/api/events/:id/attendees' },
  register: { method: 'POST', path: '/api/events/:id/registrations' },
  unregister: { method: 'DELETE', path: '/api/events/:id/registrations' },
} as const satisfies Record<string, Endpoint>;

export const publicationEndpoints = {
  list: { method: 'GET', path: '/api/publications' },
  create: { method: 'POST', path: '/api/publications' },
  downloadFile: { method: 'GET', path: '/api/publications/:id/file' },
} as const satisfies Record<string, Endpoint>;

export const planningEndpoints = {
  needsVsOffers: { method: 'GET', path: '/api/planning/needs-vs-offers' },
} as const satisfies Record<string, Endpoint>;
