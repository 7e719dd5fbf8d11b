// Bi-components and cut-points: 双连通分量 / 割点.
//
// On the undirected skeleton. A cut-point (articulation point) is a node whose removal splits
// its component: an actor the others cannot bypass. A bi-component is a maximal set of ties in
// which no single node's removal disconnects the rest; two bi-components share at most a
// cut-point. Hopcroft & Tarjan (1973), iterative depth-first search. Bi-components are listed
// as node sets of at least two nodes (a bridge is a bi-component of two), as UCINET and igraph
// `biconnected_components` do; isolates belong to none.

import type { Graph } from '../graph.js'

export interface Bicomponents {
  /** Node sets (ascending indices), one per bi-component, in order of discovery. */
  components: number[][]
  /** 1 for a cut-point, else 0. */
  cutPoints: Uint8Array
}

/**
 * Bi-components and cut-points of the skeleton.
 *
 * @example
 * bicomponents(edges('a-b b-c c-a c-d')).cutPoints // [0, 0, 1, 0]: c joins d to the triangle
 */
export function bicomponents(g: Graph): Bicomponents {
  const { offsets, targets } = g.skeleton()
  const n = g.n
  const disc = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const parent = new Int32Array(n).fill(-1)
  const edgePos = new Int32Array(n)
  const cutPoints = new Uint8Array(n)
  const stack = new Int32Array(n) // DFS call stack
  // tie stack as pairs (u, v) of tree and back ties
  const tieU: number[] = []
  const tieV: number[] = []
  const components: number[][] = []
  let time = 0
  const mark = new Int32Array(n).fill(-1)
  const popComponent = (u: number, v: number): void => {
    const nodes: number[] = []
    const id = components.length
    for (;;) {
      const a = tieU.pop()!
      const b = tieV.pop()!
      for (const x of [a, b]) {
        if (mark[x] !== id) {
          mark[x] = id
          nodes.push(x)
        }
      }
      if (a === u && b === v) break
    }
    components.push(nodes.sort((x, y) => x - y))
  }
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue
    let sp = 0
    stack[sp++] = root
    disc[root] = low[root] = time++
    edgePos[root] = offsets[root]!
    let rootChildren = 0
    while (sp > 0) {
      const u = stack[sp - 1]!
      const e = edgePos[u]!
      if (e < offsets[u + 1]!) {
        edgePos[u] = e + 1
        const v = targets[e]!
        if (disc[v] === -1) {
          parent[v] = u
          disc[v] = low[v] = time++
          edgePos[v] = offsets[v]!
          tieU.push(u)
          tieV.push(v)
          stack[sp++] = v
          if (u === root) rootChildren++
        } else if (v !== parent[u] && disc[v]! < disc[u]!) {
          // back tie to an ancestor
          tieU.push(u)
          tieV.push(v)
          if (disc[v]! < low[u]!) low[u] = disc[v]!
        }
        continue
      }
      sp--
      const p = parent[u]!
      if (p >= 0) {
        if (low[u]! < low[p]!) low[p] = low[u]!
        if (low[u]! >= disc[p]!) {
          if (p !== root) cutPoints[p] = 1
          popComponent(p, u)
        }
      }
    }
    if (rootChildren > 1) cutPoints[root] = 1
  }
  return { components, cutPoints }
}
