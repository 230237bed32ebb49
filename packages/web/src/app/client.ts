import {
  agencyEndpoints,
  auditEndpoints,
  authEndpoints,
  caseEndpoints,
  caseloadEndpoints,
  clientEndpoints,
  clientRecordEndpoints,
  consentEndpoints,
  contactEndpoints,
  districtEndpoints,
  goalEndpoints,
  notificationEndpoints,
  userEndpoints,
} from '@lotse/domain/endpoints';
import type {
  agencyRoutes,
  auditRoutes,
  authRoutes,
  caseloadRoutes,
  caseRoutes,
  clientRecordRoutes,
  clientRoutes,
  consentRoutes,
  contactRoutes,
  districtRoutes,
  goalRoutes,
  notificationRoutes,
  userRoutes,
} from '@lotse/domain/routes';
import { bind } from './endpoint.ts';

/**
 * The staff app's API: `api.goals.update({ params: { id }, body })`, typed from the domain's route
 * table (decision 0015). The client's public pages bind only their own group (they have a small
 * entry of their own).
 */
export const api = {
  // Account, administration, case work, home, instruments
  agency: bind<typeof agencyRoutes>(agencyEndpoints),
  audit: bind<typeof auditRoutes>(auditEndpoints),
  auth: bind<typeof authRoutes>(authEndpoints),
  cases: bind<typeof caseRoutes>(caseEndpoints),
  caseload: bind<typeof caseloadRoutes>(caseloadEndpoints),
  clientRecords: bind<typeof clientRecordRoutes>(clientRecordEndpoints),
  clients: bind<typeof clientRoutes>(clientEndpoints),
  consents: bind<typeof consentRoutes>(consentEndpoints),
  contacts: bind<typeof contactRoutes>(contactEndpoints),
  districts: bind<typeof districtRoutes>(districtEndpoints),
  goals: bind<typeof goalRoutes>(goalEndpoints),
  notifications: bind<typeof notificationRoutes>(notificationEndpoints),
  users: bind<typeof userRoutes>(userEndpoints),

  // Network, programmes, evaluation
};
