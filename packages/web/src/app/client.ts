import {
  caseEndpoints,
  caseloadEndpoints,
  clientEndpoints,
  clientRecordEndpoints,
  consentEndpoints,
  contactEndpoints,
  goalEndpoints,
} from '@lotse/domain/endpoints';
import type {
  caseloadRoutes,
  caseRoutes,
  clientRecordRoutes,
  clientRoutes,
  consentRoutes,
  contactRoutes,
  goalRoutes,
} from '@lotse/domain/routes';
import { bind } from './endpoint.ts';

/**
 * The staff app's API: `api.goals.update({ params: { id }, body })`, typed from the domain's route
 * table (decision 0015). The client's public pages bind only their own group (they have a small
 * entry of their own).
 */
export const api = {
  // Account, administration, case work, home, instruments
  cases: bind<typeof caseRoutes>(caseEndpoints),
  caseload: bind<typeof caseloadRoutes>(caseloadEndpoints),
  clientRecords: bind<typeof clientRecordRoutes>(clientRecordEndpoints),
  clients: bind<typeof clientRoutes>(clientEndpoints),
  consents: bind<typeof consentRoutes>(consentEndpoints),
  contacts: bind<typeof contactRoutes>(contactEndpoints),
  goals: bind<typeof goalRoutes>(goalEndpoints),

  // Network, programmes, evaluation
};
