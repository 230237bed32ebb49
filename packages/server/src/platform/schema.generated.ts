// Generated from the migrated schema by packages/server/src/platform/db-types/generate.ts: do not edit.
// Regenerate after changing a migration: `npm run db:types`. `npm test` fails while this
// file is stale (`npm run db:types -- --check`). Each column has the TypeScript type the driver returns
// (db.ts: the same on PGlite and pg); repositories derive their row types from `Tables`.

export interface AdminResetRequestsTable {
  agency_id: string;
  user_id: string;
  kind: string;
  requested_by: string;
  requested_at: Date;
}

export interface AgenciesTable {
  id: string;
  name: string;
  kind: string;
  settings: unknown;
  is_demo: boolean;
  created_at: Date;
}

export interface AgencyLogosTable {
  agency_id: string;
  content_type: string;
  data: Uint8Array;
  updated_at: Date;
  updated_by: string | null;
}

export interface AssessmentAmendmentsTable {
  id: string;
  agency_id: string;
  assessment_id: string;
  client_id: string;
  previous_answers: unknown;
  previous_scores: unknown;
  previous_total: number | null;
  previous_date: string;
  changed_items: string[];
  reason: string;
  amended_by: string | null;
  amended_at: Date;
}

export interface AssessmentFactsTable {
  assessment_id: string;
  agency_id: string;
  client_id: string;
  instrument_id: string;
  perspective: string;
  occasion: string;
  assessed_on: string;
  total: number | null;
  scores: number[];
  prev_intake_on: string | null;
  next_later_on: string | null;
  next_exit_on: string | null;
}

export interface AssessmentsTable {
  id: string;
  agency_id: string;
  client_id: string;
  instrument_id: string;
  occasion: string;
  perspective: string;
  mode: string;
  assessed_on: string;
  status: string;
  answers: unknown;
  scores: unknown;
  total_score: number | null;
  entered_by: string | null;
  created_at: Date;
  updated_at: Date;
  completed_at: Date | null;
}

export interface AuditChainHeadTable {
  chain_key: string;
  seq: number;
  hash: string;
  key_id: string | null;
}

export interface AuditLogTable {
  id: number;
  chain_key: string;
  seq: number | null;
  at: Date;
  agency_id: string | null;
  actor_user_id: string | null;
  action: string;
  outcome: string;
  resource_type: string | null;
  resource_id: string | null;
  client_id: string | null;
  details: unknown;
  prev_hash: string | null;
  hash: string | null;
  hash_version: number | null;
  sealed_at: Date | null;
  appended_at: Date;
}

export interface BudgetsTable {
  id: string;
  programme_id: string;
  agency_id: string;
  year: number;
  funding_line: string;
  amount: string;
  updated_by: string | null;
  updated_at: Date;
}

export interface CaseEventsTable {
  id: string;
  agency_id: string;
  case_id: string;
  kind: string;
  at: Date;
  actor_user_id: string | null;
  from_user_id: string | null;
  to_user_id: string | null;
  partner_agency_id: string | null;
  reason: string | null;
}

export interface CaseSharesTable {
  id: string;
  agency_id: string;
  client_id: string;
  partner_agency_id: string;
  consent_id: string;
  shared_by: string | null;
  created_at: Date;
  ended_at: Date | null;
}

export interface CasesTable {
  id: string;
  agency_id: string;
  client_id: string;
  status: string;
  guide_user_id: string | null;
  deputy_user_ids: string[];
  opened_on: string;
  closed_on: string | null;
  outcome: string | null;
  closure_reason: string | null;
  created_at: Date;
}

export interface ClientScheduleTable {
  client_id: string;
  agency_id: string;
  last_contact_on: string | null;
  last_assessment_on: string | null;
  follow_up_due_on: string | null;
}

export interface ClientsTable {
  id: string;
  agency_id: string;
  client_number: string;
  first_name: string;
  last_name: string;
  birth_date: string;
  gender: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  preferred_language: string | null;
  interpreter_needed: boolean;
  district: string | null;
  household: string | null;
  legal_context: string | null;
  severe_disability: boolean | null;
  reduced_earning_capacity: boolean | null;
  anonymised_at: Date | null;
  search_name: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  first_name_folded: string | null;
  last_name_folded: string | null;
}

export interface CohortReleasesTable {
  id: string;
  agency_id: string;
  user_id: string;
  scope: string;
  filter_key: string;
  paired: number;
  intake: number;
  released_at: Date;
}

export interface ConsentsTable {
  id: string;
  agency_id: string;
  client_id: string;
  purpose: string;
  partner_agency_id: string | null;
  form: string;
  given_on: string;
  recorded_by: string | null;
  recorded_at: Date;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  includes_contact_notes: boolean;
}

export interface ContactsTable {
  id: string;
  agency_id: string;
  client_id: string;
  case_id: string | null;
  type: string;
  contact_date: string;
  duration_minutes: number | null;
  note: string | null;
  author_user_id: string | null;
  author_agency_id: string;
  created_at: Date;
}

export interface DistrictsTable {
  agency_id: string;
  key: string;
  name: string;
  ags: string | null;
  centre: unknown | null;
  boundary: unknown | null;
  position: number;
  updated_at: Date;
}

export interface EnrolmentsTable {
  id: string;
  agency_id: string;
  programme_id: string;
  client_id: string;
  status: string;
  registered_on: string;
  entry_date: string | null;
  exit_date: string | null;
  exit_reason: string | null;
  early_end_reason: string | null;
  employer: string | null;
  project: string | null;
  coach_user_id: string | null;
  over_booked: boolean;
  overbooking_reason: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface EventFeedTokensTable {
  user_id: string;
  agency_id: string;
  token_hash: string;
  created_at: Date;
}

export interface EventRegistrationsTable {
  id: string;
  agency_id: string;
  event_id: string;
  user_id: string;
  status: string;
  created_at: Date;
}

export interface ExpendituresTable {
  id: string;
  agency_id: string;
  programme_id: string;
  funding_line: string;
  amount: string;
  booked_on: string;
  reference: string;
  enrolment_id: string | null;
  created_by: string | null;
  created_at: Date;
}

export interface GoalsTable {
  id: string;
  agency_id: string;
  client_id: string;
  case_id: string | null;
  title: string;
  dimension: string;
  steps: unknown;
  target_date: string;
  status: string;
  review: string | null;
  reviewed_on: string | null;
  agreed_on: string;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface InstrumentReferenceValuesTable {
  instrument_id: string;
  perspective: string;
  dimension: string;
  n: number;
  sd: number | null;
  alpha: number | null;
  alpha_n: number;
  estimated_at: Date;
}

export interface InstrumentsTable {
  id: string;
  agency_id: string | null;
  key: string;
  version: number;
  status: string;
  definition: unknown;
  based_on_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  published_by: string | null;
  published_at: Date | null;
  fhir_url: string | null;
  fhir_version: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  locked_until: Date | null;
  updated_at: Date;
}

export interface NetworkEventsTable {
  id: string;
  agency_id: string;
  code: string;
  title: string;
  kind: string;
  starts_at: Date;
  ends_at: Date;
  place: string | null;
  online_url: string | null;
  description: string;
  capacity: number | null;
  revision: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  cancelled_at: Date | null;
  cancel_reason: string | null;
}

export interface NotificationsTable {
  id: string;
  agency_id: string;
  user_id: string;
  kind: string;
  event_id: string | null;
  params: unknown;
  created_at: Date;
  read_at: Date | null;
}

export interface OffersTable {
  id: string;
  agency_id: string;
  partner_id: string;
  title: string;
  description: string;
  dimensions: string[];
  target_groups: string[];
  district: string;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  lat: number | null;
  lon: number | null;
  step_free: boolean;
  easy_language: boolean;
  languages: string[];
  cost_cents: number | null;
  cost_note: string | null;
  schedule: string | null;
  capacity: number | null;
  free_places: number | null;
  how_to_refer: string | null;
  valid_from: string | null;
  valid_to: string | null;
  shared: boolean;
  search_text: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface OneTimeTokensTable {
  token_hash: string;
  agency_id: string;
  user_id: string;
  purpose: string;
  created_by: string | null;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

export interface PartnersTable {
  id: string;
  agency_id: string;
  name: string;
  kind: string;
  contact_persons: unknown;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  districts: string[];
  website: string | null;
  notes: string | null;
  inclusion: unknown | null;
  search_text: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface ProgrammeAgenciesTable {
  programme_id: string;
  agency_id: string;
  role: string;
}

export interface ProgrammePlacesTable {
  programme_id: string;
  agency_id: string;
  year: number;
  places: number;
}

export interface ProgrammesTable {
  id: string;
  owner_agency_id: string;
  name: string;
  funding_source: string;
  legal_basis: string | null;
  funder: string | null;
  starts_on: string;
  ends_on: string;
  description: string | null;
  target_group: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface PublicationFilesTable {
  publication_id: string;
  agency_id: string;
  content: Uint8Array;
}

export interface PublicationsTable {
  id: string;
  agency_id: string;
  title: string;
  kind: string;
  summary: string;
  tags: string[];
  published_on: string | null;
  shared: boolean;
  file_name: string | null;
  content_type: string | null;
  file_size: number | null;
  search_text: string | null;
  created_by: string | null;
  created_at: Date;
}

export interface RecoveryCodesTable {
  id: string;
  agency_id: string;
  user_id: string;
  code_hash: string;
  used_at: Date | null;
}

export interface ReferralFeedbackLinksTable {
  id: string;
  agency_id: string;
  client_id: string;
  referral_id: string;
  token_hash: string;
  created_by: string | null;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  revoked_by: string | null;
}

export interface ReferralsTable {
  id: string;
  agency_id: string;
  client_id: string;
  offer_id: string;
  status: string;
  reason: string | null;
  note: string | null;
  feedback: string | null;
  suggested_on: string | null;
  referred_on: string | null;
  started_on: string | null;
  ended_on: string | null;
  capacity_override: boolean;
  created_by: string | null;
  created_by_agency: string;
  created_at: Date;
  updated_at: Date;
  feedback_outcome: string | null;
  feedback_on: string | null;
  feedback_source: string | null;
}

export interface ResearchExportsTable {
  id: string;
  agency_id: string;
  project_id: string;
  created_by: string;
  created_at: Date;
  expires_at: Date;
  k: number;
  row_count: number;
  content: unknown | null;
}

export interface ResearchProjectAgenciesTable {
  project_id: string;
  agency_id: string;
  requester_agency_id: string;
  approved_by: string | null;
  approved_at: Date | null;
}

export interface ResearchProjectKeysTable {
  project_id: string;
  pseudonym_key: Uint8Array;
}

export interface ResearchProjectsTable {
  id: string;
  agency_id: string;
  requested_by: string;
  title: string;
  purpose: string;
  legal_basis: string;
  period_from: string;
  period_to: string;
  fields: string[];
  created_at: Date;
}

export interface SchemaMigrationsTable {
  version: string;
  applied_at: Date;
}

export interface SelfAssessmentLinksTable {
  id: string;
  agency_id: string;
  client_id: string;
  instrument_id: string;
  occasion: string;
  token_hash: string;
  draft_answers: unknown;
  created_by: string | null;
  created_at: Date;
  expires_at: Date;
  draft_saved_at: Date | null;
  completed_at: Date | null;
  assessment_id: string | null;
  revoked_at: Date | null;
  revoked_by: string | null;
}

export interface SessionsTable {
  token_hash: string;
  agency_id: string;
  user_id: string;
  mfa_state: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  mfa_attempts: number;
}

export interface UsersTable {
  id: string;
  agency_id: string;
  email: string;
  display_name: string;
  roles: string[];
  status: string;
  password_hash: string | null;
  password_changed_at: Date | null;
  mfa_secret: string | null;
  mfa_enabled: boolean;
  mfa_last_step: number | null;
  is_demo: boolean;
  last_login_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface Tables {
  admin_reset_requests: AdminResetRequestsTable;
  agencies: AgenciesTable;
  agency_logos: AgencyLogosTable;
  assessment_amendments: AssessmentAmendmentsTable;
  assessment_facts: AssessmentFactsTable;
  assessments: AssessmentsTable;
  audit_chain_head: AuditChainHeadTable;
  audit_log: AuditLogTable;
  budgets: BudgetsTable;
  case_events: CaseEventsTable;
  case_shares: CaseSharesTable;
  cases: CasesTable;
  client_schedule: ClientScheduleTable;
  clients: ClientsTable;
  cohort_releases: CohortReleasesTable;
  consents: ConsentsTable;
  contacts: ContactsTable;
  districts: DistrictsTable;
  enrolments: EnrolmentsTable;
  event_feed_tokens: EventFeedTokensTable;
  event_registrations: EventRegistrationsTable;
  expenditures: ExpendituresTable;
  goals: GoalsTable;
  instrument_reference_values: InstrumentReferenceValuesTable;
  instruments: InstrumentsTable;
  login_throttle: LoginThrottleTable;
  network_events: NetworkEventsTable;
  notifications: NotificationsTable;
  offers: OffersTable;
  one_time_tokens: OneTimeTokensTable;
  partners: PartnersTable;
  programme_agencies: ProgrammeAgenciesTable;
  programme_places: ProgrammePlacesTable;
  programmes: ProgrammesTable;
  publication_files: PublicationFilesTable;
  publications: PublicationsTable;
  recovery_codes: RecoveryCodesTable;
  referral_feedback_links: ReferralFeedbackLinksTable;
  referrals: ReferralsTable;
  research_exports: ResearchExportsTable;
  research_project_agencies: ResearchProjectAgenciesTable;
  research_project_keys: ResearchProjectKeysTable;
  research_projects: ResearchProjectsTable;
  schema_migrations: SchemaMigrationsTable;
  self_assessment_links: SelfAssessmentLinksTable;
  sessions: SessionsTable;
  users: UsersTable;
}
