import { readFileSync } from 'node:fs';
import { askedIn, instrumentDefinition, instrumentLocales, teilhabeBogenV1 } from '@lotse/domain';
import { describe, expect, it } from 'vitest';

const def = instrumentDefinition.parse(teilhabeBogenV1);

describe('default instrument Teilhabe-Bogen v1', () => {
  it('is stored in migration 003 exactly as defined in the domain package', () => {
    const sql = readFileSync(new URL('../../../migrations/003_instruments.sql', import.meta.url), 'utf8');
    const json = /\$teilhabe_bogen_v1\$([\s\S]*?)\$teilhabe_bogen_v1\$/.exec(sql)?.[1] ?? '';
    expect(JSON.parse(json)).toEqual(def);
  });

  it('covers twelve life areas with 2-4 rated items each, plus a 0-10 life-satisfaction rating', () => {
    const areas = def.dimensions.filter((d) => d.kind === 'area');
    expect(areas).toHaveLength(12);
    for (const d of areas) {
      const rated = d.items.filter((i) => i.scored);
      expect(rated.length, d.key).toBeGreaterThanOrEqual(2);
      expect(rated.length, d.key).toBeLessThanOrEqual(4);
      for (const i of rated) expect(i.scale?.options.map((o) => o.value)).toEqual([1, 2, 3, 4, 5]);
      expect(
        d.items.some((i) => i.role === 'work_on' && askedIn(i, 'self') && !askedIn(i, 'professional')),
      ).toBe(true);
    }
    const global = def.dimensions.filter((d) => d.kind === 'global');
    expect(global.map((d) => d.items[0]?.scale?.options.length)).toEqual([11]);
  });

  it('words every rated item for both perspectives in de, de-LS and en ("Ich ..." / "Die Person ...")', () => {
    for (const d of def.dimensions)
      for (const i of d.items.filter((x) => x.role === 'rating')) {
        for (const locale of instrumentLocales) {
          expect(i.texts.self?.[locale], `${i.key} self ${locale}`).toBeTruthy();
          expect(i.texts.professional?.[locale], `${i.key} professional ${locale}`).toBeTruthy();
        }
        expect(i.texts.self?.de).toMatch(/\b(ich|mich|mir|mein\w*)\b/i);
        expect(i.texts.professional?.de).toMatch(/Person/);
        for (const o of i.scale?.options ?? []) expect(o.label['de-LS'] && o.label.en).toBeTruthy();
      }
  });

  it('has reverse-coded items where the wording is negative, keys in snake_case and unique', () => {
    const items = def.dimensions.flatMap((d) => d.items);
    expect(items.filter((i) => i.reverse).map((i) => i.key)).toEqual([
      'health_mental_strain',
      'social_lonely',
      'belonging_excluded',
      'finances_debts',
      'family_conflict',
      'work_barriers',
      'support_stress',
    ]);
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
  });

  it('keeps plausible reference values for the RCI, documented as provisional', () => {
    for (const d of def.dimensions) {
      expect(d.reference.sd).toBeGreaterThanOrEqual(15);
      expect(d.reference.sd).toBeLessThanOrEqual(25);
      expect(d.reference.reliability).toBeGreaterThanOrEqual(0.7);
      expect(d.reference.reliability).toBeLessThan(0.9);
    }
    expect(def.description?.de).toMatch(/vorläufige/);
  });
});
