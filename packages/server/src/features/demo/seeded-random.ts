/**
 * Seeded random numbers for demo data and the benchmark data set: the same seed always gives the same
 * rows, so every demo installation looks the same and query plans measured on one build hold on the next.
 */

/** mulberry32: small, fast, good enough for sample data; each call gives the next unsigned 32-bit number. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Numbers in [0, 1) from a seed. */
export function seededUnit(seed: number): () => number {
  const u32 = mulberry32(seed);
  return () => u32() / 4294967296;
}

/** Draws on top of a source of numbers in [0, 1). */
export function draws(next: () => number) {
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}

export type Draws = ReturnType<typeof draws>;

/** The demo's generator: draws plus version-4 shaped uuids of 32 hex digits, one draw each. */
export function rng(seed: number) {
  const next = seededUnit(seed);
  return {
    ...draws(next),
    uuid: () => {
      const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
    },
  };
}
export type Rng = ReturnType<typeof rng>;
