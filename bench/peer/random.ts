/** A seeded PRNG (mulberry32): the same seed gives the same cohort, plans and scores. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    /** Uniform in [0, 1). */
    next,
    /** True with probability p. */
    chance: (p: number) => next() < p,
    /** Uniform in [min, max). */
    between: (min: number, max: number) => min + (max - min) * next(),
    /** Exponentially distributed with this mean (waiting times between visits). */
    exponential: (mean: number) => -mean * Math.log(1 - next()),
    /** One element, uniformly. */
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)] as T;
    },
  };
}

export type Random = ReturnType<typeof createRandom>;
