/** Code lists of case work: the domain's plain lists (its index brings zod). */
export {
  clientGenders as genders,
  consentForms,
  consentPurposes,
  contactTypes,
  goalStatuses,
  households,
  legalContexts,
  outcomes,
} from '@lotse/domain/codes';

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
