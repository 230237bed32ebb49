import type { Role } from '../agencies/roles.ts';

/**
 * The one place that decides who may do what. Every API route declares one of these actions;
 * services then call `authorize` with the resource they touch. Deny by default: an action not
 * listed for a role is refused.
 */
export const grants = {
  /** Own session and account: profile, password, second factor. */
  'account.self': ['admin', 'lead', 'caseworker', 'coordinator', 'researcher'],
  'agency.read': ['admin', 'lead', 'caseworker', 'coordinator', 'researcher'],
  'agency.configure': ['admin'],
  'users.read': ['admin'],
  'users.manage': ['admin'],
  'audit.read': ['admin', 'lead'],
  // Case work. Admins see no client data; researchers no identities. Coordinators see the
  // master data programmes need and contact dates/types, never notes or health data.
  'clients.read': ['lead', 'caseworker', 'coordinator'],
  'clients.write': ['lead', 'caseworker'],
  /** Health flags (severe disability, reduced earning capacity) in client records. */
  'clients.health.read': ['lead', 'caseworker'],
  'clients.export': ['lead', 'caseworker'],
  'clients.erase': ['lead'],
  'clients.import': ['lead', 'caseworker'],
  'consents.read': ['lead', 'caseworker'],
  'consents.write': ['lead', 'caseworker'],
  'cases.manage': ['lead', 'caseworker'],
  /** Free-text reasons of a case (closure, handover, re-opening): not for coordinators. */
  'cases.reasons.read': ['lead', 'caseworker'],
  'goals.read': ['lead', 'caseworker'],
  'goals.write': ['lead', 'caseworker'],
  /** Contact dates, types and durations; the note needs `contacts.notes.read` too. */
  'contacts.read': ['lead', 'caseworker', 'coordinator'],
  'contacts.notes.read': ['lead', 'caseworker'],
  'contacts.write': ['lead', 'caseworker'],
  'caseload.read': ['lead', 'caseworker'],
  /** The caseload of the whole team (a lead's default view, which they may narrow to their own). */
  'caseload.team': ['lead'],
  // Offers and network. The directory, events and publications hold no client data: every
  // staff role reads them. Referrals and suggestions are client data (guides and leads); planning shows
  // aggregates with small cells suppressed (coordinators and leads).
  /** Districts are public geography: every staff role reads them; admins maintain them. */
  'districts.read': ['admin', 'lead', 'caseworker', 'coordinator', 'researcher'],
  'districts.manage': ['admin'],
  'network.read': ['admin', 'lead', 'caseworker', 'coordinator', 'researcher'],
  'network.write': ['lead', 'caseworker', 'coordinator'],
  'network.import': ['lead', 'coordinator'],
  'referrals.read': ['lead', 'caseworker'],
  'referrals.write': ['lead', 'caseworker'],
  'planning.read': ['lead', 'coordinator'],
  'events.write': ['lead', 'coordinator'],
  'events.register': ['admin', 'lead', 'caseworker', 'coordinator', 'researcher'],
  /** Own in-app notifications (e.g. an event one registered for was cancelled). */
  'notifications.read': ['admin', 'lead', 'caseworker', 'coordinator', 'researcher'],
  'publications.write': ['lead', 'coordinator'],
  // Instruments and assessments. Instruments are not personal data: every staff role reads
  // them, admins edit and publish them. Assessments are client data: only leads and caseworkers, so
  // coordinators never see health answers and researchers never identities (they get aggregates).
  'instruments.read': ['admin', 'lead', 'caseworker', 'coordinator', 'researcher'],
  'instruments.manage': ['admin'],
  'assessments.read': ['lead', 'caseworker'],
  'assessments.write': ['lead', 'caseworker'],
  // Answers from another system or a scanned paper form (FHIR QuestionnaireResponse), for visible clients.
  'assessments.import': ['lead', 'caseworker'],
  // Programmes and funding. Coordinators manage programmes, places, budgets and bookings and
  // see aggregates; enrolments are client data of the enrolling agency (guides, leads, coordinators);
  // over-booking a place needs a lead or coordinator and is audited. No notes, no health answers.
  'programmes.read': ['lead', 'caseworker', 'coordinator'],
  'programmes.manage': ['coordinator'],
  'programmes.figures.read': ['lead', 'coordinator'],
  'programmes.report': ['lead', 'coordinator'],
  'enrolments.read': ['lead', 'caseworker', 'coordinator'],
  'enrolments.write': ['lead', 'caseworker', 'coordinator'],
  'enrolments.overbook': ['lead', 'coordinator'],
  'budgets.read': ['lead', 'coordinator'],
  'budgets.manage': ['coordinator'],
  'expenditures.write': ['coordinator'],
  // Evaluation. Cohort, outcome and funnel reports are aggregates with small cells hidden:
  // leads and coordinators, agency-wide (programme-wide only through the aggregate functions).
  // Instrument quality holds no personal data (aggregates of all agencies): every role that shapes or
  // studies instruments. Researchers get research exports only, never agency reports.
  'reports.read': ['lead', 'coordinator'],
  'reports.reliability': ['admin', 'lead', 'coordinator', 'researcher'],
  'research.read': ['admin', 'lead', 'researcher'],
  'research.request': ['researcher'],
  'research.approve': ['admin', 'lead'],
  'research.export': ['researcher'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof grants;
export const actions = Object.keys(grants) as Action[];

export function rolesGrant(userRoles: readonly Role[], action: Action): boolean {
  const allowed: readonly Role[] = grants[action];
  return userRoles.some((r) => allowed.includes(r));
}

/** The actions the roles grant, in the order of the table: what a signed-in user may do at all. */
export function permissionsOf(userRoles: readonly Role[]): Action[] {
  return actions.filter((action) => rolesGrant(userRoles, action));
}
