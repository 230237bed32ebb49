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
