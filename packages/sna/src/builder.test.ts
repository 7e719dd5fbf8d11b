// The builder's policies: every decision is reported, nothing dropped silently.

import { describe, expect, it } from 'vitest'
import { edges, NetworkBuilder } from './builder.js'
import { ParseError } from './errors.js'

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (e) {
    return e instanceof ParseError ? e.code : `not a ParseError: ${String(e)}`
  }
  return undefined
}

describe('NetworkBuilder', () => {
  it('builds sorted CSR rows, in- and out-adjacency and canonical ties', () => {
    const b = new NetworkBuilder({ directed: true })
    b.addTie('c', 'a', 2)
    b.addTie('a', 'c', 1)
    b.addTie('a', 'b', 3)
    const g = b.build().network.graph
    expect(g.nodes.ids).toEqual(['c', 'a', 'b'])
    expect(g.m).toBe(3)
    // out-row of a (index 1): c (0) then b (2), sorted by index
    expect(Array.from(g.outTargets.subarray(g.outOffsets[1]!, g.outOffsets[2]!))).toEqual([0, 2])
    expect(Array.from(g.inSources.subarray(g.inOffsets[0]!, g.inOffsets[1]!))).toEqual([1])
    expect(g.weight(0, 1)).toBe(2)
    expect(g.weight(1, 0)).toBe(1)
    expect(g.weight(2, 1)).toBe(0)
    expect(g.weighted).toBe(true)
  })
  it('stores an undirected tie once and lists it in both rows', () => {
    const g = edges('b-a a-c')
    expect(g.m).toBe(2)
    expect(Array.from(g.tieSource)).toEqual([0, 1])
    expect(Array.from(g.tieTarget)).toEqual([1, 2])
    expect(g.hasTie(1, 0) && g.hasTie(0, 1)).toBe(true)
    expect(g.weighted).toBe(false)
  })
  it('drops self-loops by default and says so', () => {
    const b = new NetworkBuilder({ directed: false, source: 'ties.csv' })
    b.addTie('a', 'a', 1, '', { line: 4 })
    b.addTie('a', 'b', 1, '', { line: 5 })
    b.addTie('b', 'b', 1, '', { line: 6 })
    const { network, warnings } = b.build()
    expect(network.graph.m).toBe(1)
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'W_SELF_LOOP_DROPPED', count: 2, where: { source: 'ties.csv', line: 4 } }),
    ])
  })
  it('keeps self-loops apart or refuses them on request', () => {
    const b = new NetworkBuilder({ directed: true, selfLoops: 'keep' })
    b.addTie('a', 'a', 2)
    b.addTie('a', 'b')
    const { network, warnings } = b.build()
    expect(network.graph.m).toBe(1)
    expect(Array.from(network.graph.loops!)).toEqual([2, 0])
    expect(warnings[0]!.code).toBe('W_SELF_LOOP_KEPT')
    const strict = new NetworkBuilder({ directed: true, selfLoops: 'error' })
    expect(codeOf(() => strict.addTie('a', 'a'))).toBe('E_SELF_LOOP')
  })
  it('merges duplicates by sum or max, or refuses them, with the line', () => {
    for (const [policy, w] of [
      ['sum', 5],
      ['max', 3],
    ] as const) {
      const b = new NetworkBuilder({ directed: false, duplicates: policy })
      b.addTie('a', 'b', 2)
      b.addTie('b', 'a', 3)
      const { network, warnings } = b.build()
      expect(network.graph.m).toBe(1)
      expect(network.graph.tieWeight[0]).toBe(w)
      expect(warnings[0]!.code).toBe(policy === 'sum' ? 'W_DUPLICATE_SUMMED' : 'W_DUPLICATE_MAX')
    }
    const b = new NetworkBuilder({ directed: true, duplicates: 'error', source: 'x.csv' })
    b.addTie('a', 'b', 1, '', { line: 2 })
    b.addTie('a', 'b', 1, '', { line: 9 })
    try {
      b.build()
      expect.unreachable()
    } catch (e) {
      expect((e as ParseError).code).toBe('E_DUPLICATE_TIE')
      expect((e as ParseError).where).toEqual({ source: 'x.csv', line: 9 })
    }
  })
  it('directed a→b and b→a are two ties, not duplicates', () => {
    const b = new NetworkBuilder({ directed: true, duplicates: 'error' })
    b.addTie('a', 'b')
    b.addTie('b', 'a')
    expect(b.build().network.graph.m).toBe(2)
  })
  it('creates unknown nodes with a warning, or refuses them', () => {
    const b = new NetworkBuilder({ directed: false })
    b.addNode('a')
    b.addTie('a', 'z')
    const { network, warnings } = b.build()
    expect(network.nodes.ids).toEqual(['a', 'z'])
    expect(warnings[0]!.code).toBe('W_NODE_CREATED')
    const strict = new NetworkBuilder({ directed: false, unknownNodes: 'error' })
    strict.addNode('a')
    expect(codeOf(() => strict.addTie('a', 'z', 1, '', { line: 3 }))).toBe('E_UNKNOWN_NODE')
  })
  it('reads weight 0 as no tie and refuses negative or non-finite weights', () => {
    const b = new NetworkBuilder({ directed: false })
    b.addTie('a', 'b', 0)
    const { network, warnings } = b.build()
    expect(network.graph.m).toBe(0)
    expect(network.nodes.size).toBe(2)
    expect(warnings[0]!.code).toBe('W_ZERO_WEIGHT')
    expect(codeOf(() => b.addTie('a', 'b', -1))).toBe('E_WEIGHT')
    expect(codeOf(() => b.addTie('a', 'b', NaN))).toBe('E_WEIGHT')
  })
  it('holds several relations over one node set', () => {
    const b = new NetworkBuilder({ directed: true })
    b.addTie('a', 'b', 1, 'INFO')
    b.addTie('b', 'c', 1, 'COMMAND')
    b.relation('RESOURCE')
    const { network } = b.build()
    expect(network.relationNames()).toEqual(['INFO', 'COMMAND', 'RESOURCE'])
    expect(network.findRelation('COMMAND')!.m).toBe(1)
    expect(network.findRelation('RESOURCE')!.m).toBe(0)
    expect(network.findRelation('INFO')!.nodes).toBe(network.findRelation('COMMAND')!.nodes)
  })
  it('keeps attributes as columns, missing values as null', () => {
    const b = new NetworkBuilder({ directed: false })
    b.addNode('a', { sector: 'G', size: 3, label: 'Street office' })
    b.addNode('b')
    const { network } = b.build()
    expect(network.nodes.attribute('sector')).toEqual(['G', null])
    expect(network.nodes.attribute('size')).toEqual([3, null])
    expect(network.nodes.label(0)).toBe('Street office')
    expect(network.nodes.label(1)).toBe('b')
  })
  it('builds the skeleton of a digraph with reciprocity counts', () => {
    const g = edges('a->b b->a b->c', { directed: true })
    const s = g.skeleton()
    expect(Array.from(s.offsets)).toEqual([0, 1, 3, 4])
    expect(Array.from(s.targets)).toEqual([1, 0, 2, 1])
    expect(Array.from(s.mult)).toEqual([2, 2, 1, 1])
  })
})
