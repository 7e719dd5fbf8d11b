// Every reference data set, in every input format, reproduces every network and node value of METRICS.md.

import { describe, expect, it } from 'vitest'
import { analysisToJson, analyze, readNetwork, twoModeSummary, type FormatName } from '../src/index.js'
import { expected, fixture, mismatches, REFERENCE } from './reference.js'

const FORMATS: { key: 'csv' | 'dl' | 'pajek' | 'graphml'; format: FormatName }[] = [
  { key: 'csv', format: 'csv' },
  { key: 'dl', format: 'dl' },
  { key: 'pajek', format: 'pajek' },
  { key: 'graphml', format: 'graphml' },
]

describe.each(REFERENCE.map((r) => [r.dataset, r] as const))('%s', (name, entry) => {
  const exp = expected(name)
  it.each(FORMATS.map((f) => [f.key, f] as const))('%s input matches networkx/igraph/sna', (_key, f) => {
    const file = entry.inputs.files[f.key]
    const { network } = readNetwork(fixture(file), {
      format: f.format,
      source: file,
      directed: exp.directed,
      twoMode: exp.twoModeInput === true,
      nodes: f.key === 'csv' ? fixture(entry.inputs.files.nodesCsv) : undefined,
    })
    const g = network.graph
    expect(g.n).toBe(entry.nodes)
    expect(g.m).toBe(entry.edges)
    if (exp.twoModeInput) {
      const t = twoModeSummary(g)
      expect(mismatches({ network: exp.network, twoMode: exp.twoMode }, { network: { nodes: g.n, edges: g.m }, twoMode: t })).toEqual([])
      return
    }
    const actual = analysisToJson(g, analyze(g))
    expect(mismatches({ network: exp.network, nodes: exp.nodes }, actual)).toEqual([])
  })
})
