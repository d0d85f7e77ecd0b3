/**
 * The project's one seeded generator (mulberry32): small, fast, reproducible for a seed, so an
 * interval, a generated test list or a benchmark corpus is the same on every run. Not for anything
 * secret: keys and tokens come from libsodium.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seeded generator for long Monte Carlo runs (the LCMCR and dga samplers draw tens of millions of
 * numbers per chain, near mulberry32's period of 2^32): xoshiro128** (Blackman & Vigna 2018, period
 * 2^128 − 1), its state filled by splitmix32 from the seed and a stream number, so that chains of one
 * run are independent streams and the same (seed, stream) always gives the same sequence. Values are
 * in the open interval (0, 1): never exactly 0 or 1, so log(u) and log(1 − u) are always finite.
 */
export function seededStream(seed: number, stream = 0): () => number {
  let mix = (seed >>> 0) ^ Math.imul(stream + 1, 0x9e3779b9);
  const next = (): number => {
    mix = (mix + 0x9e3779b9) >>> 0;
    let z = mix;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s0 = next();
  let s1 = next();
  let s2 = next();
  let s3 = next();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  return () => {
    const product = Math.imul(s1, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return (result + 0.5) / 4294967296;
  };
}
