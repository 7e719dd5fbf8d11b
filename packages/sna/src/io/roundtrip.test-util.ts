// Compares two networks for round-trip tests: ids, direction, relations, ties, weights, attributes.

import { expect } from 'vitest'
import type { Network } from '../graph.js'

/** Ties of every relation as sorted "relation|source|target|weight" strings (undirected: ids sorted). */
export function tieSet(net: Network): string[] {
  const out: string[] = []
  for (const g of net.relations) {
    for (let e = 0; e < g.m; e++) {
      let s = net.nodes.ids[g.tieSource[e]!]!
      let t = net.nodes.ids[g.tieTarget[e]!]!
      if (!net.directed && s > t) [s, t] = [t, s]
      out.push(`${g.relation}|${s}|${t}|${g.tieWeight[e]}`)
    }
  }
  return out.sort()
}

/** Asserts that two networks are the same graph (attributes compared when both have them). */
export function sameNetwork(
  actual: Network,
  wanted: Network,
  opts: { attributes?: boolean; relations?: boolean } = {},
): void {
  expect(actual.directed).toBe(wanted.directed)
  expect([...actual.nodes.ids].sort()).toEqual([...wanted.nodes.ids].sort())
  expect(actual.twoModeRows).toBe(wanted.twoModeRows)
  if (opts.relations !== false) expect(actual.relationNames()).toEqual(wanted.relationNames())
  expect(tieSet(actual)).toEqual(tieSet(wanted))
  if (opts.attributes !== false) {
    for (const [name, col] of wanted.nodes.attributes) {
      const other = actual.nodes.attribute(name)
      expect(other, `attribute ${name}`).toBeDefined()
      for (let i = 0; i < wanted.nodes.size; i++) {
        const j = actual.nodes.get(wanted.nodes.ids[i]!)
        expect(other![j]).toEqual(col[i])
      }
    }
  }
}
