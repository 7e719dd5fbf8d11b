// Ego networks: 个体网 — each actor's neighbourhood measured as UCINET's "ego networks" routine does.
//
// Ego's alters are its neighbours on the undirected skeleton (ties in either direction). Size =
// number of alters; ties = ties among the alters (arcs if directed); pairs = ordered pairs of
// alters (n(n−1), as UCINET, also for undirected data, where ties count both directions);
// density = ties/pairs; components = weak components among the alters once ego is removed;
// brokerage = pairs of alters not directly tied (ordered pairs / 2 for undirected data);
// two-step reach = share of all other nodes within two steps of ego. effectiveSize and
// efficiency: see structuralHoles.

import type { Graph } from '../graph.js'

export interface EgoNetworkMeasures {
  size: Float64Array
  ties: Float64Array
  pairs: Float64Array
  /** NaN when ego has fewer than two alters. */
  density: Float64Array
  components: Float64Array
  brokerage: Float64Array
  /** NaN for a graph of one node. */
  twoStepReach: Float64Array
}

/**
 * Ego-network measures of every node.
 *
 * @example
 * egoNetworks(edges('e-a e-b e-c a-b')).components[0] // 2: {a, b} and {c}
 */
export function egoNetworks(g: Graph): EgoNetworkMeasures {
  const { offsets, targets } = g.skeleton()
  const n = g.n
  const out: EgoNetworkMeasures = {
    size: new Float64Array(n),
    ties: new Float64Array(n),
    pairs: new Float64Array(n),
    density: new Float64Array(n).fill(NaN),
    components: new Float64Array(n),
    brokerage: new Float64Array(n),
    twoStepReach: new Float64Array(n).fill(NaN),
  }
  const inEgo = new Int32Array(n).fill(-1)
  const reach = new Int32Array(n).fill(-1)
  const comp = new Int32Array(n).fill(-1)
  const stack = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const lo = offsets[i]!
    const hi = offsets[i + 1]!
    const k = hi - lo
    for (let e = lo; e < hi; e++) inEgo[targets[e]!] = i
    // ties among alters: skeleton adjacency, counted as arcs when directed
    let ties = 0
    for (let e = lo; e < hi; e++) {
      const a = targets[e]!
      for (let f = g.outOffsets[a]!; f < g.outOffsets[a + 1]!; f++) if (inEgo[g.outTargets[f]!] === i) ties++
    }
    if (!g.directed) ties /= 2
    const pairs = k > 1 ? k * (k - 1) : 0 // not −0 for an isolate
    const tiedPairs = g.directed ? ties : 2 * ties // ordered pairs with a tie
    out.size[i] = k
    out.ties[i] = ties
    out.pairs[i] = pairs
    if (k >= 2) out.density[i] = tiedPairs / pairs
    // brokerage: ordered pairs of alters with no tie either way; unordered for undirected data
    let linked = 0
    for (let e = lo; e < hi; e++) {
      const a = targets[e]!
      for (let f = offsets[a]!; f < offsets[a + 1]!; f++) if (inEgo[targets[f]!] === i) linked++
    }
    out.brokerage[i] = g.directed ? pairs - linked : (pairs - linked) / 2
    // components among the alters without ego
    let count = 0
    for (let e = lo; e < hi; e++) {
      const s = targets[e]!
      if (comp[s] === i) continue
      count++
      comp[s] = i
      let sp = 0
      stack[sp++] = s
      while (sp > 0) {
        const v = stack[--sp]!
        for (let f = offsets[v]!; f < offsets[v + 1]!; f++) {
          const w = targets[f]!
          if (inEgo[w] === i && comp[w] !== i) {
            comp[w] = i
            stack[sp++] = w
          }
        }
      }
    }
    out.components[i] = count
    // two-step reach
    if (n > 1) {
      let r = 0
      reach[i] = i
      for (let e = lo; e < hi; e++) {
        const a = targets[e]!
        if (reach[a] !== i) {
          reach[a] = i
          r++
        }
        for (let f = offsets[a]!; f < offsets[a + 1]!; f++) {
          const b = targets[f]!
          if (reach[b] !== i) {
            reach[b] = i
            r++
          }
        }
      }
      out.twoStepReach[i] = r / (n - 1)
    }
  }
  return out
}
