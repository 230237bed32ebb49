import { type ClientImportField, clientImportFields } from '@lotse/domain';
import { z } from 'zod';

/** Client fields an import can fill, in the order the preview shows them (shared with the web app). */
const importFields = clientImportFields;
type ImportField = ClientImportField;

/** Column mapping: client field -> column header of the file. */
export const importMapping = z.partialRecord(z.enum(importFields), z.string().min(1).max(200));
export type ImportMapping = z.infer<typeof importMapping>;

/** Headers people use in their spreadsheets, folded (lower case, letters and digits only). */
const synonyms: Record<ImportField, string[]> = {
  clientNumber: ['kundennummer', 'kundennr', 'clientnumber', 'nummer', 'bgnummer', 'aktenzeichen'],
  firstName: ['vorname', 'firstname', 'givenname'],
  lastName: ['nachname', 'name', 'familienname', 'lastname', 'surname'],
  birthDate: ['geburtsdatum', 'geboren', 'gebdatum', 'birthdate', 'dateofbirth', 'geburtstag'],
  gender: ['geschlecht', 'gender'],
  phone: ['telefon', 'tel', 'telefonnummer', 'phone', 'mobil', 'handy'],
  email: ['email', 'mail', 'emailadresse'],
  address: ['anschrift', 'adresse', 'address', 'strasse'],
  preferredLanguage: ['sprache', 'bevorzugtesprache', 'language', 'muttersprache'],
  district: ['wohnort', 'ort', 'stadt', 'sozialraum', 'district', 'quartier', 'gemeinde'],
  household: ['haushalt', 'haushaltsform', 'household'],
  legalContext: ['rechtskreis', 'sgb', 'legalcontext'],
};

const fold = (s: string) =>
  s
    .toLowerCase()
    .replaceAll('ß', 'ss')
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');

/** Suggests a mapping from the file's headers; unknown headers stay unmapped. */
export function suggestMapping(headers: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  for (const field of importFields) {
    const header = headers.find((h) => synonyms[field].includes(fold(h)));
    if (header) mapping[field] = header;
  }
  return mapping;
}

const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/;

/** Accepts ISO dates, German dates (31.12.1970) and spreadsheet dates; returns ISO or the raw text. */
export function normaliseDate(value: string): string {
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
  const m = GERMAN_DATE.exec(v);
  if (!m) return v;
  // Two-digit years in client lists are birth years: 30 and above are the 1900s.
  const year = (m[3] ?? '').length === 2 ? (Number(m[3]) >= 30 ? `19${m[3]}` : `20${m[3]}`) : (m[3] ?? '');
  return `${year}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
}

const codeMaps: Partial<Record<ImportField, Record<string, string>>> = {
  gender: {
    w: 'female',
    weiblich: 'female',
    f: 'female',
    female: 'female',
    frau: 'female',
    m: 'male',
    mannlich: 'male',
    male: 'male',
    mann: 'male',
    d: 'diverse',
    divers: 'diverse',
    diverse: 'diverse',
    x: 'not_stated',
    keineangabe: 'not_stated',
    notstated: 'not_stated',
  },
  legalContext: { sgbii: 'sgb2', sgb2: 'sgb2', sgbxii: 'sgb12', sgb12: 'sgb12', sgbvi: 'sgb6', sgb6: 'sgb6' },
  household: {
    alleinlebend: 'single',
    single: 'single',
    allein: 'single',
    paar: 'couple',
    paarohnekinder: 'couple',
    couple: 'couple',
    alleinerziehend: 'single_parent',
    singleparent: 'single_parent',
    familie: 'family',
    familiemitkindern: 'family',
    family: 'family',
    wg: 'shared',
    wohngemeinschaft: 'shared',
    shared: 'shared',
    anders: 'other',
    sonstiges: 'other',
    other: 'other',
  },
};

/** Maps a row's cells to a create-client request; empty cells are left out. */
export function rowToClient(record: Record<string, string>, mapping: ImportMapping): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of importFields) {
    const header = mapping[field];
    const raw = header === undefined ? undefined : record[header];
    if (raw === undefined || raw.trim() === '') continue;
    const value = raw.trim();
    if (field === 'birthDate') out[field] = normaliseDate(value);
    else if (codeMaps[field]) out[field] = codeMaps[field]?.[fold(value)] ?? value;
    else out[field] = value;
  }
  return out;
}
