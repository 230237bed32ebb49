import type { ClientView, ConsentView, ContactType, GoalStatus, Outcome } from '@lotse/domain';

/**
 * Runtime code lists mirrored from @lotse/domain (the browser bundle imports only types from it);
 * `satisfies` fails type-checking when a list drifts from the domain.
 */
export const genders = ['female', 'male', 'diverse', 'not_stated'] as const satisfies readonly NonNullable<
  ClientView['gender']
>[];
export const households = [
  'single',
  'couple',
  'single_parent',
  'family',
  'shared',
  'other',
] as const satisfies readonly NonNullable<ClientView['household']>[];
export const legalContexts = ['sgb2', 'sgb12', 'sgb6'] as const satisfies readonly NonNullable<
  ClientView['legalContext']
>[];
export const outcomes = [
  'employment',
  'vocational_training',
  'other_employment',
  'further_education',
  'rehabilitation',
  'stabilisation',
  'moved_away',
  'contact_ended',
  'other',
] as const satisfies readonly Outcome[];
export const consentPurposes = [
  'processing_health_data',
  'self_assessment',
  'sharing',
  'research',
] as const satisfies readonly ConsentView['purpose'][];
export const consentForms = ['written', 'oral', 'digital'] as const satisfies readonly ConsentView['form'][];
export const contactTypes = [
  'meeting',
  'phone',
  'home_visit',
  'accompaniment',
  'letter',
  'other',
] as const satisfies readonly ContactType[];
export const goalStatuses = [
  'open',
  'achieved',
  'partly_achieved',
  'not_achieved',
  'dropped',
] as const satisfies readonly GoalStatus[];

/** Today as 'YYYY-MM-DD' in the browser's time zone (the default for dated entries). */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A life-event date ('YYYY-MM-DD') in the UI language's format, without time-zone shifts. */
export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** Field name from a server validation issue path such as "body.date" or "/date". */
export function issueField(path: string): string {
  return path.split(/[./]/).filter(Boolean).pop() ?? path;
}
