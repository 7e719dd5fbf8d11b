// `cosafe qap` and `cosafe multiplex`: how relations over the same actors go together.

import {
  measureName,
  mrqapReport,
  multiplexReport,
  qapReport,
  type NetworkMeasure,
  type PermutationReport,
} from '@cosafe/sna'
import { basename } from 'node:path'
import type { Block, Cell } from '../document.js'
import { UsageError } from '../errors.js'
import { t, type Lang } from '../i18n.js'
import type { Io } from '../io.js'
import { checked, emit, OUTPUT_HELP, parseCommand, readGraph, wholeOption } from './run.js'

const PERMUTATION_HELP = `  --permutations N      random relabellings of the actors (default 1000)
  --seed S              seed of the permutations (default 1): same seed, same p-values`

export const QAP_HELP = `cosafe qap A B [options]
cosafe qap Y X1 X2 … [options]

With two files: the QAP correlation of two relations over the same actors (for example
information sharing and joint action), with p-values from permuting the actors.
With three or more: MRQAP regression of the first relation on the others (Dekker's double
semi-partialling), with coefficients, R² and p-values. Actors are matched by id; every file
must list the same actors.

${PERMUTATION_HELP}
  --weighted            use tie values, not just presence (MRQAP; QAP reports both when valued)
${OUTPUT_HELP}
`

const PERM_ROWS: (keyof PermutationReport)[] = [
  'observed',
  'pGreater',
  'pLess',
  'pTwoSided',
  'mean',
  'sd',
  'permutations',
]
const PERM_LABELS: Record<keyof PermutationReport, { en: string; zh: string }> = {
  observed: { en: 'observed', zh: '观测值' },
  pGreater: { en: 'p (as large or larger)', zh: 'p（不小于观测值）' },
  pLess: { en: 'p (as small or smaller)', zh: 'p（不大于观测值）' },
  pTwoSided: { en: 'p (two-sided)', zh: 'p（双侧）' },
  mean: { en: 'mean of permutations', zh: '置换均值' },
  sd: { en: 'sd of permutations', zh: '置换标准差' },
  permutations: { en: 'permutations', zh: '置换次数' },
}
const permLabel = (k: keyof PermutationReport, L: Lang): string =>
  L === 'zh-CN' ? PERM_LABELS[k].zh : PERM_LABELS[k].en

function permutationRows(p: PermutationReport, L: Lang): [string, Cell][] {
  return PERM_ROWS.map((k) => [permLabel(k, L), p[k]])
}

export function runQap(argv: string[], io: Io): number {
  const c = parseCommand(
    'qap',
    argv,
    { permutations: { type: 'string' }, seed: { type: 'string' }, weighted: { type: 'boolean' } },
    { min: 2, max: 64, what: 'two network files (QAP) or three or more (MRQAP)' },
  )
  const v = c.values
  const permutations = wholeOption('--permutations', v.permutations, 1)
  const seed = wholeOption('--seed', v.seed)
  const [first, ...rest] = c.files.map((f) => readGraph(f, c.input, io))
  const y = first!.graph
  // the others are read with the first one's direction when they do not state their own
  const others = rest.map((r) => r.graph)
  for (const [k, x] of others.entries())
    if (x.directed !== y.directed)
      throw new UsageError(
        `${c.files[k + 1]} is ${x.directed ? 'directed' : 'undirected'} but ${c.files[0]} is not; give --directed or --undirected`,
      )
  const input = { files: c.files, relation: y.relation, directed: y.directed }
  if (others.length === 1) {
    const r = checked(() => qapReport(y, others[0]!, { permutations, seed }))
    return emit(io, c, { input, ...r }, () => {
      const L = c.lang
      const blocks: Block[] = [
        {
          kind: 'values',
          title: `${t('qap', L)}: ${basename(c.files[0]!)} ~ ${basename(c.files[1]!)}`,
          rows: permutationRows(r.plain, L),
        },
      ]
      if (r.weighted)
        blocks.push({
          kind: 'values',
          title: `${t('qap', L)} (${L === 'zh-CN' ? '赋值' : 'valued'})`,
          rows: permutationRows(r.weighted, L),
        })
      return blocks
    })
  }
  // predictors are named by their file names (without folder and ending)
  const names = c.files.slice(1).map((f) => basename(f).replace(/\.[^.]+$/, ''))
  const r = checked(() => mrqapReport(y, others, names, { permutations, seed, weight: v.weighted ?? false }))
  return emit(io, c, { input, ...r }, () => {
    const L = c.lang
    return [
      {
        kind: 'values',
        title: `${t('mrqap', L)}: ${basename(c.files[0]!)}`,
        rows: [
          ['R²', r.r2],
          [L === 'zh-CN' ? '调整 R²' : 'adjusted R²', r.adjustedR2],
          [L === 'zh-CN' ? '观测数（有序对）' : 'observations (ordered pairs)', r.observations],
          [permLabel('permutations', L), r.options.permutations],
        ],
      },
      {
        kind: 'table',
        title: L === 'zh-CN' ? '回归系数' : 'Coefficients',
        head: [
          L === 'zh-CN' ? '自变量' : 'predictor',
          L === 'zh-CN' ? '系数' : 'coefficient',
          L === 'zh-CN' ? '标准误' : 'std. error',
          't',
          permLabel('pTwoSided', L),
          permLabel('pGreater', L),
          permLabel('pLess', L),
        ],
        rows: r.coefficients.map((x) => [x.name, x.estimate, x.standardError, x.t, x.pTwoSided, x.pGreater, x.pLess]),
      },
    ]
  })
}

export const MULTIPLEX_HELP = `cosafe multiplex FILE [options]

Compares the relations of a multiplex file (GraphML, GEXF, JSON or DL with several
matrices; a CSV edge list with a type/relation column): whole-network measures per relation,
multiplexity (the share of tied pairs tied in two or more relations), the overlap of every
two relations (Jaccard) and their QAP correlation with permutation p-values.

${PERMUTATION_HELP}
${OUTPUT_HELP}
`

export function runMultiplex(argv: string[], io: Io): number {
  const c = parseCommand(
    'multiplex',
    argv,
    { permutations: { type: 'string' }, seed: { type: 'string' } },
    { min: 1, max: 1, what: 'one network file with two or more relations' },
  )
  const v = c.values
  const { network, format } = readGraph(c.files[0]!, c.input, io)
  if (network.relations.length < 2)
    throw new UsageError(
      `${c.files[0]} holds one relation ("${network.graph.relation}"); multiplex compares two or more`,
    )
  const r = checked(() =>
    multiplexReport(network, {
      permutations: wholeOption('--permutations', v.permutations, 1),
      seed: wholeOption('--seed', v.seed),
    }),
  )
  const json = { input: { file: c.files[0], format, directed: network.directed }, ...r }
  return emit(io, c, json, () => {
    const L = c.lang
    const keys = [...new Set(r.relations.flatMap((x) => Object.keys(x.measures)))] as NetworkMeasure[]
    return [
      {
        kind: 'table',
        title: t('multiplex', L),
        head: [t('measure', L), ...r.relations.map((x) => x.relation)],
        rows: keys.map((k) => [measureName(k, L), ...r.relations.map((x) => x.measures[k] ?? null)]),
      },
      {
        kind: 'values',
        title: L === 'zh-CN' ? '多重性' : 'Multiplexity',
        rows: [
          [L === 'zh-CN' ? '有关系的行动者对' : 'tied pairs', r.tiedDyads],
          [L === 'zh-CN' ? '两种及以上关系的行动者对' : 'pairs tied in two or more relations', r.multiplexDyads],
          [L === 'zh-CN' ? '多重性' : 'multiplexity', r.multiplexity],
        ],
      },
      {
        kind: 'table',
        title: L === 'zh-CN' ? '关系之间的重叠与 QAP 相关' : 'Overlap and QAP correlation between relations',
        head: [
          t('relation', L),
          t('relation', L),
          'Jaccard',
          L === 'zh-CN' ? 'QAP 相关' : 'QAP r',
          permLabel('pGreater', L),
          permLabel('pTwoSided', L),
        ],
        rows: r.pairs.map((p) => [p.a, p.b, p.jaccard, p.qap.observed, p.qap.pGreater, p.qap.pTwoSided]),
      },
    ]
  })
}
