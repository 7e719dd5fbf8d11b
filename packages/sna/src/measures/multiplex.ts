// Multiplex networks: 多重关系网络 — how the relations of one actor set overlap.
//
// Over unordered dyads (directions merged, each relation's skeleton): multiplexity = share of
// dyads tied in some relation that are tied in two or more relations (the rulebook's STR-9);
// for every pair of relations the Jaccard overlap of their tied dyads; for every node the
// number of relations in which it has at least one tie, and the share of its partners it is
// tied to in two or more relations.

import type { Network } from '../graph.js'

export interface Multiplexity {
  /** Dyads tied in at least one relation, and in at least two. */
  tiedDyads: number
  multiplexDyads: number
  /** multiplexDyads / tiedDyads (NaN without ties). */
  multiplexity: number
  /** relations × relations Jaccard overlaps of tied dyads, row-major (1 on the diagonal). */
  overlap: Float64Array
  /** Per node: relations with at least one tie; share of partners tied in ≥ 2 relations (NaN without partners). */
  nodeRelations: Int32Array
  nodeMultiplexity: Float64Array
}

/**
 * Multiplexity of a network's relations.
 *
 * @example
 * multiplexity(network).multiplexity // share of tied pairs that share two or more tie types
 */
export function multiplexity(network: Network): Multiplexity {
  const n = network.nodes.size
  const R = network.relations.length
  // dyad key → bitmask of relations (up to 31 relations per mask word; more fall back to counts)
  const masks = new Map<number, number[]>()
  const nodeRelations = new Int32Array(n)
  network.relations.forEach((g, r) => {
    const touched = new Uint8Array(n)
    const s = g.skeleton()
    for (let u = 0; u < n; u++) {
      for (let e = s.offsets[u]!; e < s.offsets[u + 1]!; e++) {
        const v = s.targets[e]!
        touched[u] = 1
        if (v < u) continue
        const key = u * n + v
        let list = masks.get(key)
        if (!list) masks.set(key, (list = []))
        list.push(r)
      }
    }
    for (let u = 0; u < n; u++) nodeRelations[u]! += touched[u]!
  })
  let multiplexDyads = 0
  const pairCount = new Float64Array(R * R)
  const partners = new Float64Array(n)
  const multiPartners = new Float64Array(n)
  for (const [key, list] of masks) {
    const u = Math.floor(key / n)
    const v = key % n
    partners[u]!++
    partners[v]!++
    if (list.length >= 2) {
      multiplexDyads++
      multiPartners[u]!++
      multiPartners[v]!++
    }
    for (const a of list) for (const b of list) pairCount[a * R + b]!++
  }
  const overlap = new Float64Array(R * R)
  for (let a = 0; a < R; a++)
    for (let b = 0; b < R; b++) {
      const union = pairCount[a * R + a]! + pairCount[b * R + b]! - pairCount[a * R + b]!
      overlap[a * R + b] = a === b ? 1 : union > 0 ? pairCount[a * R + b]! / union : NaN
    }
  const tiedDyads = masks.size
  return {
    tiedDyads,
    multiplexDyads,
    multiplexity: tiedDyads > 0 ? multiplexDyads / tiedDyads : NaN,
    overlap,
    nodeRelations,
    nodeMultiplexity: partners.map((p, i) => (p > 0 ? multiPartners[i]! / p : NaN)),
  }
}
