// Mulberry32: a tiny, fast generator for reproducible choices (hash parameters, generated corpora).
// Not for anything secret.

/** Uniform 32-bit unsigned integers from a seed: the same seed, the same sequence. */
export function seededUint32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Uniform numbers in [0, 1) from a seed. */
export function seededUnit(seed: number): () => number {
  const next = seededUint32(seed);
  return () => next() / 4294967296;
}
