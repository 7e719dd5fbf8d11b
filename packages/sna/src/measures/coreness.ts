// k-cores: 核数 (k-核).
//
// coreness(v) = the largest k such that v belongs to a subgraph where every node has at least
// k neighbours, on the undirected skeleton (igraph mode "all" on the simple skeleton; networkx
// counts in+out degree on digraphs and differs). Batagelj & Zaversnik (2003), O(m) bucket sort.

import type { Graph } from '../graph.js'

/**
 * Core number of every node.
 *
 * @example
 * coreness(edges('a-b b-c c-a c-d')) // [2, 2, 2, 1]
 */
export function coreness(g: Graph): Int32Array {
  const { offsets, targets } = g.skeleton()
  const n = g.n
  const deg = new Int32Array(n)
  let maxDeg = 0
  for (let v = 0; v < n; v++) {
    deg[v] = offsets[v + 1]! - offsets[v]!
    if (deg[v]! > maxDeg) maxDeg = deg[v]!
  }
  const bin = new Int32Array(maxDeg + 2)
  for (let v = 0; v < n; v++) bin[deg[v]!]!++
  let start = 0
  for (let d = 0; d <= maxDeg; d++) {
    const c = bin[d]!
    bin[d] = start
    start += c
  }
  const vert = new Int32Array(n)
  const pos = new Int32Array(n)
  for (let v = 0; v < n; v++) {
    pos[v] = bin[deg[v]!]!
    vert[pos[v]!] = v
    bin[deg[v]!]!++
  }
  for (let d = maxDeg; d > 0; d--) bin[d] = bin[d - 1]!
  bin[0] = 0
  for (let i = 0; i < n; i++) {
    const v = vert[i]!
    const dv = deg[v]!
    for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
      const u = targets[e]!
      const du = deg[u]!
      if (du > dv) {
        const pu = pos[u]!
        const pw = bin[du]!
        const w = vert[pw]!
        if (u !== w) {
          pos[u] = pw
          vert[pu] = w
          pos[w] = pu
          vert[pw] = u
        }
        bin[du]!++
        deg[u] = du - 1
      }
    }
  }
  return deg
}
