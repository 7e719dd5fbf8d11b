// Seeded randomness for the reproducible procedures (permutation tests, community and partition searches).

/**
 * mulberry32: a small, fast generator of floats in [0, 1); the same seed gives the same sequence.
 *
 * @example
 * const next = mulberry32(7); next() // 0.… the same on every run
 */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Fisher–Yates shuffle in place, drawing from `next`. */
export function shuffle(a: Int32Array | number[], next: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    const x = a[i]!
    a[i] = a[j]!
    a[j] = x
  }
}
