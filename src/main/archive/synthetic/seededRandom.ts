/**
 * Deterministic randomness for the synthetic archive: the same seed must give byte-identical
 * files on every machine, so benchmarks compare like with like. `Math.random` cannot be seeded.
 *
 * sfc32 (Chris Doty-Humphrey's "small fast counting" generator) is fast in 32-bit JS integer
 * arithmetic and passes PractRand far beyond the ~10^9 draws a full-scale archive needs.
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform integer in [0, n). */
  int(n: number): number
  /** Uniform integer in [min, max]. */
  between(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
  /** Index into `items` with Zipf-like skew: low indexes are drawn far more often. */
  skewedIndex(length: number, skew?: number): number
}

// splitmix32 spreads a small seed and a stream name over all four sfc32 state words, so that
// seeds 1 and 2 (or streams 'papers' and 'links') do not start from correlated states.
function splitmix32(state: number): () => number {
  let s = state >>> 0
  return () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
}

function hashString(text: string): number {
  // FNV-1a: only needs to turn a stream name into a well-spread 32-bit number.
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  }
  return hash >>> 0
}

/**
 * A generator for one named stream of one seed. Each output file draws from its own stream so
 * that changing how one file is generated does not reshuffle the others.
 */
export function createRandom(seed: number, stream: string): Random {
  const mix = splitmix32((seed ^ hashString(stream)) >>> 0)
  let a = mix()
  let b = mix()
  let c = mix()
  let d = mix()
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return t >>> 0
  }
  for (let i = 0; i < 12; i += 1) nextUint32()

  const next = (): number => nextUint32() / 4294967296
  const int = (n: number): number => Math.floor(next() * n)
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (probability) => next() < probability,
    pick: (items) => items[int(items.length)],
    skewedIndex: (length, skew = 3) => Math.min(length - 1, Math.floor(length * Math.pow(next(), skew)))
  }
}
