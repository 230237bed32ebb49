import { describe, expect, it } from 'vitest';
import { GENERALISED, kAnonymise, researchLadders } from './k-anonymity.ts';

function classSizes(values: Map<string, Record<string, string>>) {
  const sizes = new Map<string, number>();
  for (const v of values.values()) {
    const key = JSON.stringify(v);
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return [...sizes.values()];
}

/** Deterministic pseudo-random people with skewed quasi-identifiers. */
function population(size: number) {
  const people = new Map<string, Record<string, string>>();
  let s = 7;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T;
  for (let i = 0; i < size; i++)
    people.set(`p${i}`, {
      ageGroup: pick(['under_25', '25_to_34', '35_to_44', '45_to_54', '55_and_over']),
      gender: next() < 0.04 ? 'diverse' : pick(['female', 'male']),
      disability: pick(['yes', 'no', 'no', 'not_recorded']),
      district: pick(['Hattingen', 'Witten', 'Sprockhövel', 'Breckerfeld', 'Wetter', 'Herdecke']),
    });
  return people;
}

describe('k-anonymity of the research export', () => {
  it.each([5, 10])('leaves every combination of quasi-identifiers shared by at least k = %i people', (k) => {
    const people = population(300);
    const r = kAnonymise(people, researchLadders, k);
    expect(Math.min(...classSizes(r.values))).toBeGreaterThanOrEqual(k);
    expect(r.values.size + r.suppressed.size).toBe(300);
    expect(r.suppressed.size).toBeLessThanOrEqual(0.02 * 300);
  });

  it('keeps exact values when they are already k-anonymous', () => {
    const people = new Map(
      Array.from({ length: 10 }, (_, i) => [
        `p${i}`,
        {
          ageGroup: i < 5 ? 'under_25' : '55_and_over',
          gender: 'female',
          disability: 'no',
          district: 'Witten',
        },
      ]),
    );
    const r = kAnonymise(people, researchLadders, 5);
    expect(r.levels).toEqual({ ageGroup: 0, gender: 0, disability: 0, district: 0 });
    expect(r.suppressed.size).toBe(0);
  });

  it('generalises a rare value instead of publishing it', () => {
    const people = new Map(
      Array.from({ length: 12 }, (_, i) => [
        `p${i}`,
        {
          ageGroup: '35_to_44',
          gender: i === 0 ? 'diverse' : 'female',
          disability: 'no',
          district: 'Witten',
        },
      ]),
    );
    const r = kAnonymise(people, researchLadders, 5, 0);
    expect(r.values.get('p0')?.gender).toBe(GENERALISED);
    expect(Math.min(...classSizes(r.values))).toBeGreaterThanOrEqual(5);
  });

  it('leaves everybody out when fewer than k people exist at all', () => {
    const r = kAnonymise(population(3), researchLadders, 5);
    expect(r.values.size).toBe(0);
    expect(r.suppressed.size).toBe(3);
  });
});
