// Every reference data set, in every input format, reproduces every network and node value of METRICS.md.

import { describe, expect, it } from 'vitest'
import {
  analysisToJson,
  analyze,
  analyzeGroups,
  readNetwork,
  twoModeSummary,
  type FormatName,
  type Network,
} from '../src/index.js'
import { expected, fixture, mismatches, REFERENCE, type ReferenceEntry } from './reference.js'

const FORMATS: { key: 'csv' | 'dl' | 'pajek' | 'graphml'; format: FormatName }[] = [
  { key: 'csv', format: 'csv' },
  { key: 'dl', format: 'dl' },
  { key: 'pajek', format: 'pajek' },
  { key: 'graphml', format: 'graphml' },
]

/** Group keys that need node attributes: only expected from formats that carry them. */
const ATTRIBUTE_KEYS = new Set([
  'eiIndex',
  'externalTies',
  'internalTies',
  'modularity',
  'weightedModularity',
  'brokerage',
  'corePeripheryFit',
  'corePeripheryFitMissingCP',
])

function read(
  entry: ReferenceEntry,
  key: (typeof FORMATS)[number]['key'],
  format: FormatName,
  directed: boolean,
  twoMode: boolean,
): Network {
  const file = entry.inputs.files[key]
  return readNetwork(fixture(file), {
    format,
    source: file,
    directed,
    twoMode,
    nodes: key === 'csv' ? fixture(entry.inputs.files.nodesCsv) : undefined,
  }).network
}

describe.each(REFERENCE.map((r) => [r.dataset, r] as const))('%s', (name, entry) => {
  const exp = expected(name)
  it.each(FORMATS.map((f) => [f.key, f] as const))('%s input matches networkx/igraph/sna', (_key, f) => {
    const network = read(entry, f.key, f.format, exp.directed, exp.twoModeInput === true)
    const g = network.graph
    expect(g.n).toBe(entry.nodes)
    expect(g.m).toBe(entry.edges)
    if (exp.twoModeInput) {
      const t = twoModeSummary(g)
      expect(
        mismatches({ network: exp.network, twoMode: exp.twoMode }, { network: { nodes: g.n, edges: g.m }, twoMode: t }),
      ).toEqual([])
      return
    }
    const actual = analysisToJson(g, analyze(g))
    expect(mismatches({ network: exp.network, nodes: exp.nodes }, actual)).toEqual([])
    // groups: attribute-based keys only where the format carries attributes
    const withAttributes = f.key === 'csv' || f.key === 'graphml'
    const rel2 = entry.inputs.relation2 ? REFERENCE.find((r) => r.dataset === entry.inputs.relation2) : undefined
    const groups = analyzeGroups(g, {
      attribute: withAttributes && entry.inputs.attribute ? network.nodes.attribute(entry.inputs.attribute) : undefined,
      core:
        withAttributes && entry.inputs.coreAttribute
          ? network.nodes.attribute(entry.inputs.coreAttribute)!.map((v) => v === 'core')
          : undefined,
      relation2: rel2 ? read(rel2, f.key, f.format, exp.directed, false).graph : undefined,
    })
    const wanted = Object.fromEntries(
      Object.entries(exp.groups ?? {}).filter(([k]) => withAttributes || !ATTRIBUTE_KEYS.has(k)),
    )
    expect(mismatches(wanted, groups)).toEqual([])
  })
})
