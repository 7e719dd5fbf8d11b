// `cosafe ego`, `cosafe keyplayers` and `cosafe whatif`: one actor's neighbourhood, the actors that matter most, and changes tried out.

import { egoReport, keyPlayersReport, measureName, whatIfReport, type NetworkMeasure } from '@cosafe/sna'
import type { Block } from '../document.js'
import { UsageError } from '../errors.js'
import { t, type Lang } from '../i18n.js'
import type { Io } from '../io.js'
import { checked, emit, OUTPUT_HELP, parseCommand, readGraph, wholeOption } from './run.js'
import { namer } from './structure.js'

const EGO_LABELS: Record<string, { en: string; zh: string }> = {
  size: { en: 'size (alters)', zh: '规模（交往对象数）' },
  ties: { en: 'ties among the alters', zh: '交往对象之间的关系数' },
  pairs: { en: 'ordered pairs of alters', zh: '交往对象有序对数' },
  density: { en: 'density among the alters', zh: '交往对象之间的密度' },
  components: { en: 'groups of alters without ego', zh: '去掉自我后的交往对象分组数' },
  brokerage: { en: 'pairs of alters only ego links', zh: '仅由自我连接的交往对象对数' },
  twoStepReach: { en: 'share of all actors within two steps', zh: '两步之内可达的行动者比例' },
  effectiveSize: { en: 'effective size', zh: '有效规模' },
  efficiency: { en: 'efficiency', zh: '效率' },
  constraint: { en: 'constraint', zh: '约束' },
  hierarchy: { en: 'hierarchy', zh: '等级度' },
}
const egoLabel = (k: string, L: Lang): string => (L === 'zh-CN' ? EGO_LABELS[k]!.zh : EGO_LABELS[k]!.en)

export const EGO_HELP = `cosafe ego FILE ID [options]

One actor's ego network: its alters (neighbours, ties in either direction), the ties among
them, their density and groups, the pairs only ego links (brokerage), two-step reach, and
Burt's structural holes measured in both UCINET models: the whole network, and the ego
network alone.

${OUTPUT_HELP}
`

export function runEgo(argv: string[], io: Io): number {
  const c = parseCommand('ego', argv, {}, { min: 2, max: 2, what: 'a network file and an actor id' })
  const [file, id] = c.files as [string, string]
  const { graph: g, format } = readGraph(file, c.input, io)
  if (g.nodes.find(id) === undefined) {
    const some = g.nodes.ids.slice(0, 8).map((x) => `"${x}"`)
    throw new UsageError(`no actor "${id}" in ${file}; ids are for example ${some.join(', ')}${g.n > 8 ? ', …' : ''}`)
  }
  const r = egoReport(g, id)
  const json = { input: { file, format, relation: g.relation, directed: g.directed }, ...r }
  return emit(io, c, json, () => {
    const L = c.lang
    const name = namer(g)
    const holes = (['effectiveSize', 'efficiency', 'constraint', 'hierarchy'] as const).map(
      (k) => [egoLabel(k, L), r[k].whole, r[k].ego] as [string, number | null, number | null],
    )
    return [
      {
        kind: 'values',
        title: `${t('egoNetwork', L)}: ${name(id)}`,
        rows: (['size', 'ties', 'pairs', 'density', 'components', 'brokerage', 'twoStepReach'] as const).map((k) => [
          egoLabel(k, L),
          r[k],
        ]),
      },
      { kind: 'table', title: t('structuralHoles', L), head: ['', t('wholeModel', L), t('egoModel', L)], rows: holes },
      { kind: 'groups', title: t('alters', L), groups: r.alters.length ? [r.alters.map(name)] : [] },
    ]
  })
}

export const KEYPLAYERS_HELP = `cosafe keyplayers FILE --k K [options]

The K actors that matter most to the network as a whole (Borgatti's key players):
  fragment  whose removal would break the network apart most (default)
  reach     who together reach the most others (all others within --distance steps, or
            weighted by closeness when no distance is given)
Found by a greedy start and swaps, repeated from seeded random starts.

  --k K                 how many actors (required)
  --goal G              fragment or reach
  --distance D          reach goal: count the others within D steps
  --restarts R          random starts besides the greedy one (default 10)
  --seed S              seed of the random starts (default 1): same seed, same answer
${OUTPUT_HELP}
`

export function runKeyPlayers(argv: string[], io: Io): number {
  const c = parseCommand(
    'keyplayers',
    argv,
    {
      k: { type: 'string' },
      goal: { type: 'string' },
      distance: { type: 'string' },
      restarts: { type: 'string' },
      seed: { type: 'string' },
    },
    { min: 1, max: 1, what: 'one network file' },
  )
  const v = c.values
  const k = wholeOption('--k', v.k, 1)
  if (k === undefined) throw new UsageError('keyplayers needs --k, the number of actors to find')
  if (v.goal !== undefined && v.goal !== 'fragment' && v.goal !== 'reach')
    throw new UsageError(`--goal must be fragment or reach, got "${v.goal}"`)
  if (v.distance !== undefined && v.goal !== 'reach') throw new UsageError('--distance applies to --goal reach only')
  const { graph: g, format } = readGraph(c.files[0]!, c.input, io)
  const r = checked(() =>
    keyPlayersReport(g, k, {
      goal: v.goal as 'fragment' | 'reach' | undefined,
      maxDistance: wholeOption('--distance', v.distance, 1),
      restarts: wholeOption('--restarts', v.restarts),
      seed: wholeOption('--seed', v.seed),
    }),
  )
  const json = { input: { file: c.files[0], format, relation: g.relation, directed: g.directed }, ...r }
  return emit(io, c, json, () => {
    const L = c.lang
    const name = namer(g)
    const goal =
      r.options.goal === 'fragment'
        ? L === 'zh-CN'
          ? '移除后网络的碎片化程度（0–1，越高越分散）'
          : 'fragmentation of the network without them (0–1, higher = more broken)'
        : r.options.maxDistance !== null
          ? L === 'zh-CN'
            ? `${r.options.maxDistance} 步之内可达的其他行动者比例`
            : `share of the others within ${r.options.maxDistance} steps`
          : L === 'zh-CN'
            ? '按距离加权的可达性（0–1）'
            : 'distance-weighted reach of the others (0–1)'
    return [
      { kind: 'groups', title: `${t('keyPlayers', L)} (k = ${r.options.k})`, groups: [r.set.map(name)] },
      { kind: 'values', title: t('score', L), rows: [[goal, r.score]] },
    ]
  })
}

export const WHATIF_HELP = `cosafe whatif FILE [--add a:b,…] [--remove c:d,…] [--remove-actors x,…] [options]

Tries a change out: adds and removes ties (or removes actors with all their ties) and shows
every whole-network measure before and after, and each actor's share of all brokerage. Ties
are written SOURCE:TARGET or SOURCE:TARGET:WEIGHT with actor ids, separated by commas.

  --add LIST            ties to add
  --remove LIST         ties to remove
  --remove-actors LIST  actors to remove
  --attribute NAME      also show the E-I index of the groups this node attribute defines
${OUTPUT_HELP}
`

function tieList(flag: string, value: string | undefined): ([string, string] | [string, string, number])[] | undefined {
  if (value === undefined) return undefined
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const parts = item.split(':')
      if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === ''))
        throw new UsageError(`${flag}: "${item}" is not SOURCE:TARGET or SOURCE:TARGET:WEIGHT`)
      if (parts.length === 2) return [parts[0]!, parts[1]!]
      const w = Number(parts[2])
      if (!(Number.isFinite(w) && w > 0)) throw new UsageError(`${flag}: the weight in "${item}" must be a number > 0`)
      return [parts[0]!, parts[1]!, w]
    })
}

export function runWhatIf(argv: string[], io: Io): number {
  const c = parseCommand(
    'whatif',
    argv,
    {
      add: { type: 'string' },
      remove: { type: 'string' },
      'remove-actors': { type: 'string' },
      attribute: { type: 'string' },
    },
    { min: 1, max: 1, what: 'one network file' },
  )
  const v = c.values
  const add = tieList('--add', v.add)
  const remove = tieList('--remove', v.remove)?.map(([a, b]) => [a, b] as [string, string])
  const removeActors = v['remove-actors']
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (!add?.length && !remove?.length && !removeActors?.length)
    throw new UsageError('whatif needs a change: --add, --remove or --remove-actors')
  const { graph: g, format } = readGraph(c.files[0]!, c.input, io)
  const r = checked(() => whatIfReport(g, { add, remove, removeActors, attribute: v.attribute }))
  const json = { input: { file: c.files[0], format, relation: g.relation, directed: g.directed }, ...r }
  return emit(io, c, json, () => {
    const L = c.lang
    const name = namer(g)
    const label = (k: string): string =>
      k === 'eiIndex' ? `E-I (${v.attribute})` : measureName(k as NetworkMeasure, L === 'zh-CN' ? 'zh-CN' : 'en')
    const blocks: Block[] = [
      {
        kind: 'table',
        title: t('whatIf', L),
        head: [t('measure', L), t('before', L), t('after', L), t('change', L)],
        rows: r.measures.map((m) => [label(m.key), m.before, m.after, m.change]),
      },
      {
        kind: 'table',
        title: t('brokerShare', L),
        head: [t('actor', L), t('before', L), t('after', L)],
        rows: Object.entries(r.betweennessShare)
          .filter(([, s]) => (s.before ?? 0) > 0 || (s.after ?? 0) > 0)
          .sort((a, b) => (b[1].before ?? 0) - (a[1].before ?? 0))
          .map(([id, s]) => [name(id), s.before, s.after]),
      },
    ]
    if (r.notes.length) blocks.push({ kind: 'text', title: t('notes', L), lines: r.notes })
    return blocks
  })
}
