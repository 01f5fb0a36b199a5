/**
 * Stateless, seeded randomness: every value is a pure function of (seed, ...keys), so the simulated
 * household is identical however often or in which order it is sampled.
 */

/** 32-bit mix of an integer list (murmur3 finaliser per word); stable across platforms. */
export function hash32(seed: number, ...keys: number[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const k of keys) {
    let x = Math.imul((k | 0) ^ (Math.floor(k / 0x1_0000_0000) | 0), 0xcc9e2d51);
    x = (x << 15) | (x >>> 17);
    x = Math.imul(x, 0x1b873593);
    h ^= x;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Uniform in [0, 1) from (seed, ...keys). */
export function unit(seed: number, ...keys: number[]): number {
  return hash32(seed, ...keys) / 0x1_0000_0000;
}

/** A small sequential generator (mulberry32) for set-up values such as keys and serial numbers. */
export function sequence(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

/** `n` deterministic bytes from a seed (simulator keys and serials; never for real secrets). */
export function seededBytes(seed: number, n: number): Buffer {
  const next = sequence(seed);
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(next() * 256);
  return out;
}
