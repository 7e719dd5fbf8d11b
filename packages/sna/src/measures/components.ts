// Connected components: 弱连通分量 / 强连通分量.
//
// Weak components follow ties regardless of direction (an isolate is a component); strong
// components (directed graphs) are maximal sets where every node reaches every other
// (Tarjan 1972, iterative). For undirected graphs both are the connected components.
// Component numbers follow the first node of each component in index order.

import type { Graph } from '../graph.js'

export interface Components {
  /** Component number of each node. */
  membership: Int32Array
  count: number
}

/**
 * Weakly connected components, by union–find over the tie list: each root is the smallest
 * node of its component (the larger root is linked under the smaller, paths halved on the
 * way), so every node's parent precedes it and one pass in index order numbers the
 * components by their first node.
 */
export function weakComponents(g: Graph): Components {
  const n = g.n
  const parent = new Int32Array(n)
  for (let v = 0; v < n; v++) parent[v] = v
  const source = g.tieSource
  const target = g.tieTarget
  for (let e = 0, m = source.length; e < m; e++) {
    let a = source[e]!
    let b = target[e]!
    while (parent[a] !== a) {
      const p = parent[parent[a]!]!
      parent[a] = p
      a = p
    }
    while (parent[b] !== b) {
      const p = parent[parent[b]!]!
      parent[b] = p
      b = p
    }
    if (a < b) parent[b] = a
    else if (b < a) parent[a] = b
  }
  const membership = new Int32Array(n)
  let count = 0
  for (let v = 0; v < n; v++) {
    const p = parent[v]!
    membership[v] = p === v ? count++ : membership[p]!
  }
  return { membership, count }
}

/** Strongly connected components (undirected graphs: connected components). */
export function strongComponents(g: Graph): Components {
  if (!g.directed) return weakComponents(g)
  const n = g.n
  const outOff = g.outOffsets
  const outTgt = g.outTargets
  const index = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const onStack = new Uint8Array(n)
  const stack = new Int32Array(n)
  const callStack = new Int32Array(n) // node on the DFS call stack
  const edgePos = new Int32Array(n) // next out-tie to look at, per node
  const raw = new Int32Array(n).fill(-1)
  let sp = 0
  let next = 0
  let count = 0
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue
    let cp = 0
    callStack[cp++] = root
    index[root] = low[root] = next++
    edgePos[root] = outOff[root]!
    stack[sp++] = root
    onStack[root] = 1
    while (cp > 0) {
      const v = callStack[cp - 1]!
      const e = edgePos[v]!
      if (e < outOff[v + 1]!) {
        edgePos[v] = e + 1
        const w = outTgt[e]!
        if (index[w] === -1) {
          index[w] = low[w] = next++
          edgePos[w] = outOff[w]!
          stack[sp++] = w
          onStack[w] = 1
          callStack[cp++] = w
        } else if (onStack[w] && index[w]! < low[v]!) low[v] = index[w]!
        continue
      }
      cp--
      if (cp > 0) {
        const parent = callStack[cp - 1]!
        if (low[v]! < low[parent]!) low[parent] = low[v]!
      }
      if (low[v] === index[v]) {
        let w: number
        do {
          w = stack[--sp]!
          onStack[w] = 0
          raw[w] = count
        } while (w !== v)
        count++
      }
    }
  }
  // renumber by first node in index order
  const map = new Int32Array(count).fill(-1)
  const membership = new Int32Array(n)
  let c = 0
  for (let v = 0; v < n; v++) {
    const r = raw[v]!
    if (map[r] === -1) map[r] = c++
    membership[v] = map[r]!
  }
  return { membership, count }
}
