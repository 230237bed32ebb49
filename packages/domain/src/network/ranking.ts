import { languageName } from './languages.ts';

/**
 * Ranking of offers for one client: offers that serve the dimensions with need in the latest
 * assessment come first, then those in the client's district, held in the client's language and
 * accessible as needed. Pure, so it is unit-tested without a database.
 */
export interface ClientProfile {
  /** Dimension keys with need (latest assessment, open goals). */
  needs: readonly string[];
  /** District key, when known. */
  district?: string | null;
  /** ISO 639-1 code of the preferred language, when known. */
  language?: string | null;
  needsStepFree?: boolean;
  needsEasyLanguage?: boolean;
}

export interface RankableOffer {
  id: string;
  title: string;
  dimensions: readonly string[];
  district: string;
  languages: readonly string[];
  stepFree: boolean;
  easyLanguage: boolean;
  freePlaces: number | null;
}

export interface RankedOffer<O extends RankableOffer> {
  offer: O;
  score: number;
  reason: string;
  matches: {
    dimensions: string[];
    district: boolean;
    languages: string[];
    stepFree: boolean;
    easyLanguage: boolean;
  };
  full: boolean;
}

export const RANKING_WEIGHTS = {
  /** Per dimension with need that the offer serves. */
  dimension: 10,
  district: 6,
  language: 5,
  stepFree: 3,
  easyLanguage: 3,
} as const;

export function rankOffers<O extends RankableOffer>(
  profile: ClientProfile,
  offers: readonly O[],
  dimensionLabel: (key: string) => string = (k) => k,
  districtLabel: (key: string) => string = (k) => k,
): RankedOffer<O>[] {
  const needs = new Set(profile.needs);
  // German is spoken everywhere: it only counts as a match when the client prefers another language.
  const language = profile.language && profile.language !== 'de' ? profile.language : null;
  const ranked: RankedOffer<O>[] = [];
  for (const offer of offers) {
    const dimensions = offer.dimensions.filter((d) => needs.has(d));
    // With known needs, an offer that serves none of them is no suggestion.
    if (needs.size > 0 && dimensions.length === 0) continue;
    const district = !!profile.district && offer.district === profile.district;
    const languages = language && offer.languages.includes(language) ? [language] : [];
    const stepFree = !!profile.needsStepFree && offer.stepFree;
    const easyLanguage = !!profile.needsEasyLanguage && offer.easyLanguage;
    const score =
      dimensions.length * RANKING_WEIGHTS.dimension +
      (district ? RANKING_WEIGHTS.district : 0) +
      (languages.length ? RANKING_WEIGHTS.language : 0) +
      (stepFree ? RANKING_WEIGHTS.stepFree : 0) +
      (easyLanguage ? RANKING_WEIGHTS.easyLanguage : 0);
    const full = offer.freePlaces === 0;
    const parts = [
      ...dimensions.map(dimensionLabel),
      ...(district ? [districtLabel(offer.district)] : []),
      ...(languages.length ? [offer.languages.map(languageName).join('/')] : []),
      ...(stepFree ? ['barrierefrei'] : []),
      ...(easyLanguage ? ['Leichte Sprache'] : []),
    ];
    const reason =
      (parts.length ? `passt: ${parts.join(', ')}` : 'passt: allgemeines Angebot') +
      (full ? ' (derzeit keine freien Plätze)' : '');
    ranked.push({
      offer,
      score,
      reason,
      matches: { dimensions, district, languages, stepFree, easyLanguage },
      full,
    });
  }
  return ranked.sort(
    (a, b) =>
      Number(a.full) - Number(b.full) ||
      b.score - a.score ||
      (b.offer.freePlaces ?? Number.MAX_SAFE_INTEGER) - (a.offer.freePlaces ?? Number.MAX_SAFE_INTEGER) ||
      a.offer.title.localeCompare(b.offer.title, 'de') ||
      a.offer.id.localeCompare(b.offer.id),
  );
}
