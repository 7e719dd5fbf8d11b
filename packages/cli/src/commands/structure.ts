// `cosafe subgroups` and `cosafe positions`: cohesive subgroups, communities, positions and core–periphery of one network.

import { positionsReport, subgroupsReport, type Graph } from '@cosafe/sna'
import type { Block } from '../document.js'
import { t, type Lang } from '../i18n.js'
import type { Io } from '../io.js'
import { checked, emit, numberOption, OUTPUT_HELP, parseCommand, readGraph, wholeOption } from './run.js'

/** Display names of actors: labels where the file gives them. */
export function namer(g: Graph): (id: string) => string {
  return (id) => {
    const i = g.nodes.find(id)
    return i === undefined ? id : g.nodes.label(i)
  }
}

export const SUBGROUPS_HELP = `cosafe subgroups FILE [options]

Cohesive subgroups and communities of a network: components (and strong components of
directed networks), bi-components and cut-points, k-cores, maximal cliques, n-cliques,
k-plexes, communities by Louvain and Leiden with their modularity, and factions when asked.
Cliques, n-cliques and k-plexes use the ties regardless of direction.

  --min-size N          smallest clique, n-clique and k-plex listed (default 3)
  --n N                 n of the n-cliques: members within N steps (default 2)
  --k K                 k of the k-plexes: members may miss ties to k−1 others (default 2)
  --factions K          also split the actors into K factions (seeded search)
  --resolution R        modularity resolution of Louvain and Leiden (default 1; higher = smaller communities)
  --seed S              seed of every seeded search (default 1): same seed, same answer
${OUTPUT_HELP}
`

export function runSubgroups(argv: string[], io: Io): number {
  const c = parseCommand(
    'subgroups',
    argv,
    {
      'min-size': { type: 'string' },
      n: { type: 'string' },
      k: { type: 'string' },
      factions: { type: 'string' },
      resolution: { type: 'string' },
      seed: { type: 'string' },
    },
    { min: 1, max: 1, what: 'one network file' },
  )
  const v = c.values
  const { graph: g, format } = readGraph(c.files[0]!, c.input, io)
  const report = checked(() =>
    subgroupsReport(g, {
      minSize: wholeOption('--min-size', v['min-size'], 1),
      n: wholeOption('--n', v.n, 1),
      k: wholeOption('--k', v.k, 1),
      factions: wholeOption('--factions', v.factions, 1),
      resolution: numberOption('--resolution', v.resolution),
      seed: wholeOption('--seed', v.seed),
    }),
  )
  const json = { input: { file: c.files[0], format, relation: g.relation, directed: g.directed }, ...report }
  return emit(io, c, json, () => {
    const L = c.lang
    const name = namer(g)
    const named = (groups: string[][]): string[][] => groups.map((x) => x.map(name))
    const blocks: Block[] = [
      {
        kind: 'groups',
        title: `${t('components', L)}: ${report.components.count}`,
        groups: named(report.components.groups),
      },
    ]
    if (report.strongComponents)
      blocks.push({
        kind: 'groups',
        title: `${t('strongComponents', L)}: ${report.strongComponents.count}`,
        groups: named(report.strongComponents.groups),
      })
    blocks.push(
      {
        kind: 'groups',
        title: `${t('bicomponents', L)}: ${report.bicomponents.count}`,
        groups: named(report.bicomponents.groups),
      },
      {
        kind: 'groups',
        title: t('cutPoints', L),
        groups: report.bicomponents.cutPoints.length ? [report.bicomponents.cutPoints.map(name)] : [],
      },
      {
        kind: 'values',
        title: t('kCores', L),
        rows: [
          [t('maxCore', L), report.kCores.maxCore],
          [t('mainCore', L), report.kCores.mainCore.map(name).join(', ')],
        ],
      },
      {
        kind: 'groups',
        title: `${t('cliques', L)}: ${report.cliques.length} (≥ ${report.options.minSize})`,
        groups: named(report.cliques),
      },
      {
        kind: 'groups',
        title: `${t('nCliques', L)}: ${report.nCliques.length} (n = ${report.options.n}, ≥ ${report.options.minSize})`,
        groups: named(report.nCliques),
      },
      {
        kind: 'groups',
        title: `${t('kPlexes', L)}: ${report.kPlexes.length} (k = ${report.options.k}, ≥ ${report.options.kPlexMinSize})`,
        groups: named(report.kPlexes),
      },
      ...communityBlocks('louvain', report.louvain, L, named),
      ...communityBlocks('leiden', report.leiden, L, named),
    )
    if (report.factions)
      blocks.push({
        kind: 'groups',
        title: `${t('factions', L)}: ${report.factions.count}, ${t('fitShort', L)} = ${fmt(report.factions.fit)}`,
        groups: named(report.factions.groups),
      })
    return blocks
  })
}

const fmt = (x: number | null): string => (x === null ? '–' : String(Math.round(x * 1e4) / 1e4))

function communityBlocks(
  key: 'louvain' | 'leiden',
  r: { count: number; modularity: number | null; groups: string[][] },
  L: Lang,
  named: (g: string[][]) => string[][],
): Block[] {
  return [
    {
      kind: 'groups',
      title: `${t(key, L)}: ${r.count}, ${t('modularity', L)} = ${fmt(r.modularity)}`,
      groups: named(r.groups),
    },
  ]
}

export const POSITIONS_HELP = `cosafe positions FILE [options]

Positions and roles: CONCOR to any depth with the blockmodel (block densities and image
matrix), clusters of structurally equivalent actors (same ties to the same others), and the
core–periphery structure (the best core/periphery split and continuous coreness).

  --depth D             CONCOR splits: up to 2^D positions (default 2)
  --method M            structural equivalence by correlation (default) or euclidean distance
  --clusters K          clusters cut from the equivalence tree (default: as many as CONCOR positions)
  --seed S              seed of the core–periphery search (default 1)
${OUTPUT_HELP}
`

export function runPositions(argv: string[], io: Io): number {
  const c = parseCommand(
    'positions',
    argv,
    { depth: { type: 'string' }, method: { type: 'string' }, clusters: { type: 'string' }, seed: { type: 'string' } },
    { min: 1, max: 1, what: 'one network file' },
  )
  const v = c.values
  const { graph: g, format } = readGraph(c.files[0]!, c.input, io)
  const report = checked(() =>
    positionsReport(g, {
      depth: wholeOption('--depth', v.depth, 1),
      method: v.method as 'correlation' | 'euclidean' | undefined,
      clusters: wholeOption('--clusters', v.clusters, 1),
      seed: wholeOption('--seed', v.seed),
    }),
  )
  const json = { input: { file: c.files[0], format, relation: g.relation, directed: g.directed }, ...report }
  return emit(io, c, json, () => {
    const L = c.lang
    const name = namer(g)
    const cp = report.corePeriphery
    const head = ['', ...report.concor.positions.map((_, k) => `${t('position', L)} ${k + 1}`)]
    const matrix = (m: (number | null)[][]) => m.map((row, r) => [`${t('position', L)} ${r + 1}`, ...row])
    const blocks: Block[] = [
      { kind: 'groups', title: t('concor', L), groups: report.concor.positions.map((p) => p.map(name)) },
    ]
    if (report.concor.excluded.length)
      blocks.push({ kind: 'groups', title: t('excluded', L), groups: [report.concor.excluded.map(name)] })
    blocks.push(
      { kind: 'table', title: t('blockDensity', L), head, rows: matrix(report.concor.density) },
      { kind: 'table', title: t('image', L), head, rows: matrix(report.concor.image) },
      {
        kind: 'groups',
        title: `${t('structuralEquivalence', L)} (${t(report.options.method, L)})`,
        groups: report.structuralEquivalence.clusters.map((p) => p.map(name)),
      },
      {
        kind: 'values',
        title: t('corePeriphery', L),
        rows: [
          [t('core', L), cp.core.map(name).join(', ') || t('none', L)],
          [t('periphery', L), cp.periphery.map(name).join(', ') || t('none', L)],
          [t('fit', L), cp.fit],
        ],
      },
      {
        kind: 'table',
        title: `${t('continuousCoreness', L)} (${t('fitShort', L)} = ${fmt(cp.corenessFit)})`,
        head: [t('actor', L), t('continuousCoreness', L)],
        rows: Object.entries(cp.coreness)
          .sort((a, b) => (b[1] ?? -Infinity) - (a[1] ?? -Infinity))
          .map(([id, x]) => [name(id), x]),
      },
    )
    return blocks
  })
}
