import { describe, expect, it } from 'vitest';
import { districtKeyOf } from './district.schema.ts';
import { languageCodeOf } from './languages.ts';
import { type RankableOffer, rankOffers } from './ranking.ts';

const offer = (id: string, o: Partial<RankableOffer> = {}): RankableOffer => ({
  id,
  title: id,
  dimensions: ['social_contacts'],
  district: 'witten',
  languages: ['de'],
  stepFree: false,
  easyLanguage: false,
  freePlaces: null,
  ...o,
});
const label = (k: string) => ({ social_contacts: 'soziale Kontakte', health: 'Gesundheit' })[k] ?? k;

describe('rankOffers', () => {
  it('ranks the offer that fits needs, district and language first, with the reason', () => {
    const ranked = rankOffers(
      { needs: ['social_contacts'], district: 'witten', language: 'tr' },
      [
        offer('other-district', { district: 'hattingen', languages: ['de', 'tr'] }),
        offer('german-only'),
        offer('fits', { languages: ['de', 'tr'] }),
        offer('unrelated', { dimensions: ['housing'], languages: ['de', 'tr'] }),
      ],
      label,
      (key) => (key === 'witten' ? 'Witten' : key),
    );
    expect(ranked.map((r) => r.offer.id)).toEqual(['fits', 'german-only', 'other-district']);
    expect(ranked[0]?.reason).toBe('passt: soziale Kontakte, Witten, Deutsch/Türkisch');
  });

  it('prefers offers serving more needed dimensions', () => {
    const ranked = rankOffers({ needs: ['social_contacts', 'health'] }, [
      offer('one'),
      offer('two', { dimensions: ['health', 'social_contacts'] }),
    ]);
    expect(ranked[0]?.offer.id).toBe('two');
    expect(ranked[0]?.matches.dimensions).toEqual(['health', 'social_contacts']);
  });

  it('puts full offers last however well they fit, and says so', () => {
    const ranked = rankOffers({ needs: ['social_contacts'], district: 'witten' }, [
      offer('full', { freePlaces: 0 }),
      offer('far', { district: 'altena', freePlaces: 3 }),
    ]);
    expect(ranked.map((r) => r.offer.id)).toEqual(['far', 'full']);
    expect(ranked[1]?.full).toBe(true);
    expect(ranked[1]?.reason).toMatch(/keine freien Plätze/);
  });

  it('counts step-free access only for clients who need it, and German never as a language match', () => {
    const offers = [offer('stairs'), offer('step-free', { stepFree: true })];
    expect(rankOffers({ needs: [], language: 'de' }, offers)[0]?.score).toBe(0);
    const ranked = rankOffers({ needs: [], needsStepFree: true }, offers);
    expect(ranked[0]?.offer.id).toBe('step-free');
    expect(ranked[0]?.reason).toBe('passt: barrierefrei');
  });

  it('orders ties deterministically (more free places, then title)', () => {
    const ranked = rankOffers({ needs: ['social_contacts'] }, [
      offer('b', { freePlaces: 2 }),
      offer('a', { freePlaces: 2 }),
      offer('c', { freePlaces: 5 }),
    ]);
    expect(ranked.map((r) => r.offer.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('free-text districts and languages of client records', () => {
  const list = [
    { key: 'witten', name: 'Witten' },
    { key: 'luedenscheid', name: 'Lüdenscheid' },
    { key: 'wetter', name: 'Wetter (Ruhr)' },
    { key: 'menden', name: 'Menden (Sauerland)' },
    { key: 'nachrodt', name: 'Nachrodt-Wiblingwerde' },
    { key: 'sprockhoevel', name: 'Sprockhövel' },
    { key: 'aachen-mitte', name: 'Aachen-Mitte' },
  ];
  it.each([
    ['Witten', 'witten'],
    ['Witten-Annen', 'witten'],
    ['lüdenscheid', 'luedenscheid'],
    ['Wetter (Ruhr)', 'wetter'],
    ['Menden', 'menden'],
    ['Nachrodt-Wiblingwerde', 'nachrodt'],
    ['Sprockhövel', 'sprockhoevel'],
    ['aachen mitte', 'aachen-mitte'],
  ])('maps %s to %s', (text, key) => expect(districtKeyOf(text, list)).toBe(key));

  it('returns nothing for unknown or empty districts', () => {
    expect(districtKeyOf('Atlantis', list)).toBeUndefined();
    expect(districtKeyOf('', list)).toBeUndefined();
    expect(districtKeyOf(null, list)).toBeUndefined();
  });

  it.each([
    ['Türkisch', 'tr'],
    ['turkish', 'tr'],
    ['tr', 'tr'],
    ['de-DE', 'de'],
    ['Ukrainisch', 'uk'],
    ['Farsi', 'fa'],
  ])('maps the language %s to %s', (text, code) => expect(languageCodeOf(text)).toBe(code));
});
