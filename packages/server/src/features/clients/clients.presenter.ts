import type { CaseView, ClientSummary, ClientView } from '@lotse/domain';
import type { Principal } from '../../platform/policy.ts';
import { isAllowed } from '../../platform/policy.ts';
import type { ClientRow } from './access.ts';
import type { ClientSummaryRow } from './clients.repo.ts';

/** Cases as the reader may see them: free-text reasons only for roles that work on the case. */
function presentCases(cases: CaseView[], reader: Principal): CaseView[] {
  if (isAllowed(reader, 'cases.reasons.read')) return cases;
  return cases.map((c) => ({
    ...c,
    closureReason: null,
    events: c.events.map((e) => ({ ...e, reason: null })),
  }));
}

/** The client as the reader may see it: health flags only for roles allowed to read health data. */
export function presentClient(row: ClientRow, cases: CaseView[], reader: Principal): ClientView {
  const view: ClientView = {
    id: row.id,
    clientNumber: row.client_number,
    firstName: row.first_name,
    lastName: row.last_name,
    birthDate: row.birth_date,
    gender: row.gender,
    phone: row.phone,
    email: row.email,
    address: row.address,
    preferredLanguage: row.preferred_language,
    interpreterNeeded: row.interpreter_needed,
    district: row.district,
    household: row.household,
    legalContext: row.legal_context,
    owned: row.owned,
    anonymised: row.anonymised_at !== null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    cases: presentCases(cases, reader),
  };
  if (isAllowed(reader, 'clients.health.read')) {
    view.severeDisability = row.severe_disability;
    view.reducedEarningCapacity = row.reduced_earning_capacity;
  }
  return view;
}

export function presentClientSummary(row: ClientSummaryRow, agencyId: string): ClientSummary {
  return {
    id: row.id,
    clientNumber: row.client_number,
    firstName: row.first_name,
    lastName: row.last_name,
    birthDate: row.birth_date,
    district: row.district,
    caseStatus: row.case_status,
    guide: row.guide_id ? { id: row.guide_id, displayName: row.guide_name ?? '' } : null,
    shared: row.agency_id !== agencyId,
  };
}
