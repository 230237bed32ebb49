import type { TFunction } from 'i18next';

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

/** A table's columns from the keys of their headings. */
export const columnsOf = (t: TFunction, keys: readonly string[]) => keys.map((key) => ({ label: t(key) }));
