/**
 * k-anonymity by full-domain generalisation (Samarati/Sweeney): every quasi-identifier has a ladder
 * of ever coarser versions ending in "*"; one level per attribute applies to all records. While some
 * combination of generalised values is shared by fewer than k people, the attribute with the most
 * distinct values at its current level climbs one step - unless the people left in small groups are
 * few (at most `maxSuppressedShare` of all), then those people are left out instead. At the top of
 * every ladder the remaining small groups are left out, so the result always holds k-anonymity.
 */

export const GENERALISED = '*';

/** The versions of one attribute, from level 0 (the value itself) up; the last maps all to "*". */
export type Ladder = readonly ((value: string) => string)[];

export interface KAnonymityResult {
  /** The level applied per attribute. */
  levels: Record<string, number>;
  /** Generalised quasi-identifiers per person (left-out people are absent). */
  values: Map<string, Record<string, string>>;
  /** People left out because their combination stayed rarer than k. */
  suppressed: Set<string>;
}

export function kAnonymise(
  people: ReadonlyMap<string, Readonly<Record<string, string>>>,
  ladders: Readonly<Record<string, Ladder>>,
  k: number,
  maxSuppressedShare = 0.02,
): KAnonymityResult {
  const keys = Object.keys(ladders);
  const levels: Record<string, number> = Object.fromEntries(keys.map((key) => [key, 0]));
  const generalise = (qi: Readonly<Record<string, string>>) =>
    Object.fromEntries(
      keys.map((key) => [key, (ladders[key]?.[levels[key] as number] ?? top)(qi[key] ?? '')]),
    );
  while (true) {
    const values = new Map<string, Record<string, string>>();
    const classes = new Map<string, string[]>();
    for (const [id, qi] of people) {
      const g = generalise(qi);
      values.set(id, g);
      const signature = JSON.stringify(keys.map((key) => g[key]));
      const members = classes.get(signature);
      if (members) members.push(id);
      else classes.set(signature, [id]);
    }
    const small = [...classes.values()].filter((m) => m.length < k).flat();
    const climbable = keys.filter((key) => (levels[key] as number) < (ladders[key]?.length ?? 1) - 1);
    if (small.length === 0 || small.length <= maxSuppressedShare * people.size || climbable.length === 0) {
      for (const id of small) values.delete(id);
      return { levels, values, suppressed: new Set(small) };
    }
    const distinct = (key: string) => new Set([...values.values()].map((v) => v[key])).size;
    const next = climbable.reduce((best, key) => (distinct(key) > distinct(best) ? key : best));
    levels[next] = (levels[next] as number) + 1;
  }
}

const top = () => GENERALISED;
const identity = (v: string) => v;

/** The quasi-identifiers of the research export and their ladders. */
export const researchLadders: Record<'ageGroup' | 'gender' | 'disability' | 'district', Ladder> = {
  ageGroup: [
    identity,
    (v) => (v === 'under_25' || v === '25_to_34' ? 'under_35' : v === '55_and_over' ? v : '35_to_54'),
    top,
  ],
  gender: [identity, (v) => (v === 'female' || v === 'male' ? v : 'diverse_or_not_stated'), top],
  disability: [identity, top],
  district: [identity, top],
};
