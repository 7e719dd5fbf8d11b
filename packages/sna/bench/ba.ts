// Seeded, deterministic Barabási–Albert graphs (preferential attachment) as plain edge lists for every library.

/** mulberry32: a small, fast, seeded 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** An undirected simple graph on nodes 0 .. n-1 as two parallel endpoint arrays. */
export interface EdgeList {
  n: number
  source: Int32Array
  target: Int32Array
}

/**
 * Barabási–Albert graph: a complete graph on m + 1 seed nodes, then every new node attaches
 * to m distinct existing nodes drawn with probability proportional to their degree (uniform
 * draws from an array that lists every node once per incident tie). Simple and connected;
 * ties = m(m+1)/2 + (n − m − 1)·m. The same (n, m, seed) always gives the same edge list.
 */
export function barabasiAlbert(n: number, m: number, seed = 1): EdgeList {
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`m must be an integer >= 1, got ${m}`)
  if (!Number.isInteger(n) || n < m + 1) throw new RangeError(`n must be an integer >= m + 1 = ${m + 1}, got ${n}`)
  const rand = mulberry32(seed)
  const ties = (m * (m + 1)) / 2 + (n - m - 1) * m
  const source = new Int32Array(ties)
  const target = new Int32Array(ties)
  const repeated = new Int32Array(2 * ties) // every tie end once: degree-proportional draws
  let e = 0
  let r = 0
  for (let u = 0; u <= m; u++) {
    for (let v = u + 1; v <= m; v++) {
      source[e] = u
      target[e++] = v
      repeated[r++] = u
      repeated[r++] = v
    }
  }
  const chosen = new Int32Array(m)
  for (let v = m + 1; v < n; v++) {
    const ends = r // draw only from ties that existed before v arrived
    let k = 0
    while (k < m) {
      const u = repeated[Math.floor(rand() * ends)]!
      let dup = false
      for (let i = 0; i < k; i++) if (chosen[i] === u) dup = true
      if (!dup) chosen[k++] = u
    }
    for (let i = 0; i < m; i++) {
      source[e] = chosen[i]!
      target[e++] = v
      repeated[r++] = chosen[i]!
      repeated[r++] = v
    }
  }
  return { n, source, target }
}

/** The edge list as CSV text with a `source,target` header; node ids are `n<index>`. */
export function toCsv(g: EdgeList): string {
  const lines = ['source,target']
  for (let e = 0; e < g.source.length; e++) lines.push(`n${g.source[e]},n${g.target[e]}`)
  return lines.join('\n') + '\n'
}
