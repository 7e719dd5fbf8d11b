// `cosafe analyze FILE`: reads a network in any format and prints its measures.

import { parseArgs } from 'node:util'
import {
  analysisToJson,
  analyzeGroups,
  analyzeSweeps,
  betweennessScale,
  connectivityReport,
  describeCode,
  eiReport,
  NETWORK_MEASURES,
  NODE_MEASURES,
  twoModeReport,
  type AnalyzeOptions,
  type Graph,
  type Network,
} from '@cosafe/sna'
import { analyzeInParallel, approximateBetweenness, sweepThreads, type ApproxBetweenness } from '@cosafe/sna/node'
import { renderCsv, renderText, type Block } from '../document.js'
import { connectivityBlocks, eiBlocks, twoModeBlocks } from './analyzeBlocks.js'
import { numberOption, wholeOption } from './run.js'
import { UsageError } from '../errors.js'
import { t, parseLang, type Lang } from '../i18n.js'
import { writeOutput, type Io } from '../io.js'
import { INPUT_OPTIONS, inputArgs, loadNetwork, pickRelation, reportWarnings, type InputArgs } from './input.js'
import { progressBar } from '../progress.js'
import { toCsv, toTable, type Report } from '../format.js'

/** Above this many actors, analyze suggests --approx (it still computes exact betweenness unless asked). */
export const APPROX_SUGGESTED_NODES = 50_000

export const ANALYZE_HELP = `cosafe analyze FILE [options]

Reads a network (CSV/TSV edge list, adjacency-matrix CSV, UCINET DL, Pajek NET, GraphML,
GEXF or cosafe JSON; detected from the content and the file name) and prints its measures:
the whole network, every actor, the dyad and triad census and k-step reach; with
--attribute the E-I index of the groups (whole network with a permutation test, per group,
per actor), modularity and brokerage roles. Two-mode networks get their counts, densities
and Borgatti & Everett's normalised degree, closeness and betweenness per mode.

  --format F            csv, matrix, dl, pajek, graphml, gexf or json (default: detected)
  --nodes FILE          node table for a CSV edge list (id, label, attributes);
                        default: NAME.nodes.csv beside NAME.csv when it exists
  --directed            read ties as directed (CSV and DL state no direction)
  --undirected          read ties as undirected
  --two-mode            read as a two-mode (affiliation) network: rows, then columns
  --relation NAME       which relation of a multiplex file to analyse (default: the first)
  --attribute NAME      group the actors by this node attribute (E-I index, modularity,
                        brokerage roles) and show it beside the measures
  --core-attribute NAME node attribute marking the core ("core") for the core–periphery fit
  --relation2 FILE      a second relation over the same actors, for QAP correlation
  --measures LIST       comma-separated measure names (default: all); see below
  --steps K             k of the k-step reach (default 2)
  --permutations N      permutations of the E-I test with --attribute (default 1000)
  --seed S              seed of the permutations and of --approx sampling (default 1)
  --approx EPSILON      approximate betweenness (Riondato–Kornaropoulos sampling of shortest
                        paths), 0 < EPSILON < 1, e.g. 0.01: with probability 1 − delta every
                        actor's betweenness is within EPSILON × the number of pairs of the
                        exact value (betweennessNormalized within EPSILON·n/(n−2)); the bound
                        and the number of paths sampled are reported with the result
  --delta D             failure probability of --approx (default 0.1)
  --exact               exact betweenness (the default; silences the note on large networks)
  --threads N           worker threads for betweenness and closeness: 0 = one per core
                        (default), 1 = none; networks under 2,048 actors use one thread
  --json | --csv | --table   output (default: --table); CSV is UTF-8 with BOM for Excel
  --out FILE            write the output to FILE instead of the screen
  --lang en|zh-CN       language of table headers and messages

Betweenness is exact by default at every size. Exact betweenness grows as actors × ties
(on two cores: about 3 s for 10,000 actors and 30,000 ties, 6 to 7 minutes for 100,000
actors and 300,000 ties), so above ${APPROX_SUGGESTED_NODES.toLocaleString('en')} actors analyze notes this on stderr and
suggests --approx, but still computes exact values unless --approx is given. Closeness and
the other shortest-path measures are always exact.

Network measures: ${NETWORK_MEASURES.join(', ')}
Node measures: ${NODE_MEASURES.join(', ')}
`

interface AnalyzeArgs extends InputArgs {
  file: string
  attribute?: string
  coreAttribute?: string
  relation2?: string
  measures?: string[]
  steps?: number
  permutations?: number
  seed?: number
  approx?: number
  delta?: number
  exact: boolean
  threads?: number
  output: 'json' | 'csv' | 'table'
  out?: string
}

function parse(argv: string[]): AnalyzeArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      ...INPUT_OPTIONS,
      attribute: { type: 'string' },
      'core-attribute': { type: 'string' },
      relation2: { type: 'string' },
      measures: { type: 'string' },
      steps: { type: 'string' },
      permutations: { type: 'string' },
      seed: { type: 'string' },
      approx: { type: 'string' },
      delta: { type: 'string' },
      exact: { type: 'boolean' },
      threads: { type: 'string' },
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
      table: { type: 'boolean' },
      out: { type: 'string' },
    },
  })
  if (positionals.length !== 1) throw new UsageError(`analyze needs exactly one input file, got ${positionals.length}`)
  const outputs = (['json', 'csv', 'table'] as const).filter((k) => values[k])
  if (outputs.length > 1) throw new UsageError(`choose one output: --${outputs.join(' or --')}`)
  const measures = values.measures
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (measures) {
    const known = new Set<string>([...NODE_MEASURES, ...NETWORK_MEASURES])
    const bad = measures.filter((m) => !known.has(m))
    if (bad.length)
      throw new UsageError(
        `unknown measure${bad.length > 1 ? 's' : ''} ${bad.map((b) => `"${b}"`).join(', ')}; run "cosafe analyze --help" for the list`,
      )
  }
  const approx = numberOption('--approx', values.approx)
  if (approx !== undefined && !(approx > 0 && approx < 1))
    throw new UsageError(`--approx must be a number between 0 and 1 (exclusive), e.g. 0.01, got "${values.approx}"`)
  const delta = numberOption('--delta', values.delta)
  if (delta !== undefined && !(delta > 0 && delta < 1))
    throw new UsageError(`--delta must be a number between 0 and 1 (exclusive), got "${values.delta}"`)
  if (delta !== undefined && approx === undefined) throw new UsageError('--delta goes with --approx')
  if (approx !== undefined && values.exact) throw new UsageError('choose one: --approx or --exact')
  return {
    file: positionals[0]!,
    ...inputArgs(values),
    attribute: values.attribute,
    coreAttribute: values['core-attribute'],
    relation2: values.relation2,
    measures,
    steps: wholeOption('--steps', values.steps, 1),
    permutations: wholeOption('--permutations', values.permutations, 1),
    seed: wholeOption('--seed', values.seed),
    approx,
    delta,
    exact: values.exact === true,
    threads: wholeOption('--threads', values.threads),
    output: outputs[0] ?? 'table',
    out: values.out,
  }
}

/** Group measures: by attribute, core partition and a second relation when given. */
function groups(network: Network, g: Graph, a: AnalyzeArgs): Record<string, unknown> {
  let relation2: Graph | undefined
  if (a.relation2 !== undefined) {
    const second = loadNetwork(a.relation2, { format: a.format, directed: g.directed }).network
    relation2 = second.graph
    const missing = network.nodes.ids.find((id) => second.nodes.find(id) === undefined)
    if (missing !== undefined)
      throw new UsageError(
        `--relation2: ${a.relation2} has no actor "${missing}"; both relations must list the same actors`,
      )
  }
  const core =
    a.coreAttribute !== undefined ? network.nodes.attribute(a.coreAttribute)!.map((v) => v === 'core') : undefined
  return analyzeGroups(g, {
    attribute: a.attribute !== undefined ? network.nodes.attribute(a.attribute) : undefined,
    core,
    relation2,
  })
}

export async function runAnalyze(argv: string[], io: Io): Promise<number> {
  const lang = parseLang(argv.includes('--lang') ? argv[argv.indexOf('--lang') + 1] : undefined)
  const a = parse(argv)
  const { network, warnings, format } = loadNetwork(a.file, a)
  const g = pickRelation(network, a.relation)
  for (const [flag, name] of [
    ['--attribute', a.attribute],
    ['--core-attribute', a.coreAttribute],
  ] as const) {
    if (name !== undefined && !network.nodes.attributes.has(name)) {
      const names = [...network.nodes.attributes.keys()]
      throw new UsageError(
        `${flag}: the nodes have no attribute "${name}"; ${names.length ? `they have ${names.map((x) => `"${x}"`).join(', ')}` : 'they have none (give a node table with --nodes)'}`,
      )
    }
  }
  const progress = progressBar(undefined, 2000)
  const input: Record<string, unknown> = {
    file: a.file,
    format,
    directed: g.directed,
    weighted: g.weighted,
    relation: g.relation,
    relations: network.relationNames(),
    twoMode: g.twoModeRows !== null,
  }
  const result: Record<string, unknown> = { input }
  const notes: string[] = []
  let report: Report
  const extra: Block[] = []
  if (g.twoModeRows !== null) {
    const two = twoModeReport(g)
    result.network = { nodes: g.n, edges: g.m }
    result.twoMode = two.summary
    result.twoModeNodes = two.nodes
    report = { network: { nodes: g.n, edges: g.m }, nodes: {}, labels: {} }
    extra.push(...twoModeBlocks(g, two, lang))
  } else {
    const onProgress = io.tty
      ? (label: string, done: number, total: number) => progress.update(`${t('computing', lang)} ${label}`, done, total)
      : undefined
    const betweenness = approximations(g, a, input, notes, lang, onProgress)
    if (
      a.approx === undefined &&
      !a.exact &&
      g.n > APPROX_SUGGESTED_NODES &&
      [...BETWEENNESS_MEASURES.paths, ...BETWEENNESS_MEASURES.weightedPaths].some(wanted(a))
    )
      io.err(
        `cosafe: note: ${g.n.toLocaleString('en')} actors: exact betweenness grows as actors × ties and may take a long time; ` +
          `--approx 0.01 estimates it within 1% of the number of pairs in seconds (cosafe analyze --help)\n`,
      )
    const threads = a.threads ?? 0
    const sweeps = analyzeSweeps(g, { measures: a.measures, betweenness })
    if (sweeps.paths || sweeps.weightedPaths) input.threads = sweepThreads(g, { threads })
    const analysis = await analyzeInParallel(g, { measures: a.measures, threads, betweenness, onProgress })
    progress.done()
    const json = analysisToJson(g, analysis)
    result.network = json.network
    result.nodes = json.nodes
    if (a.measures === undefined) {
      result.groups = groups(network, g, a)
      const connectivity = connectivityReport(g, { steps: a.steps })
      result.connectivity = connectivity
      extra.push(...connectivityBlocks(g, connectivity, lang))
      if (a.attribute !== undefined) {
        const ei = eiReport(g, network.nodes.attribute(a.attribute)!, { permutations: a.permutations, seed: a.seed })
        result.ei = ei
        extra.unshift(...eiBlocks(result.groups as Record<string, unknown>, ei, a.attribute, lang))
      }
    }
    report = {
      ...json,
      labels: Object.fromEntries(network.nodes.ids.map((id, i) => [id, network.nodes.labels[i] ?? null])),
    }
  }
  if (a.attribute !== undefined) {
    const col = network.nodes.attribute(a.attribute)!
    report.attribute = {
      name: a.attribute,
      values: Object.fromEntries(network.nodes.ids.map((id, i) => [id, col[i] ?? null])),
    }
  }
  result.warnings = warnings
  if (notes.length) result.notes = notes
  let text: string
  if (a.output === 'json') text = JSON.stringify(result, null, 2) + '\n'
  else if (a.output === 'csv') text = toCsv(report, lang) + (extra.length ? '\r\n' + renderCsv(extra).slice(1) : '')
  else {
    text = toTable(report, lang) + (extra.length ? '\n' + renderText(extra, lang) : '')
    if (notes.length) text += '\n' + notes.map((n) => `* ${n}\n`).join('')
    if (warnings.length) {
      text +=
        `\n${t('warnings', lang)}:\n` +
        warnings
          .map((w) => {
            // detailed messages are English; Chinese readers get the code's own text
            const what = lang === 'zh-CN' ? describeCode(w.code, 'zh-CN') : w.message
            const line = w.where?.line ? (lang === 'zh-CN' ? `，第 ${w.where.line} 行` : `, line ${w.where.line}`) : ''
            return `  - ${what} (${w.count}×${line})`
          })
          .join('\n') +
        '\n'
    }
  }
  if (a.output !== 'table') reportWarnings(io, warnings, a.file)
  if (a.output === 'csv') for (const n of notes) io.err(`cosafe: note: ${n}\n`)
  writeOutput(io, text, a.out, t('wrote', lang))
  return 0
}

const BETWEENNESS_MEASURES = {
  paths: ['betweenness', 'betweennessNormalized', 'betweennessCentralization'],
  weightedPaths: ['weightedBetweenness', 'weightedBetweennessNormalized'],
} as const

const wanted =
  (a: AnalyzeArgs) =>
  (measure: string): boolean =>
    a.measures === undefined || a.measures.includes(measure)

/**
 * With --approx: approximate betweenness for the betweenness measures asked for (weighted too
 * on weighted networks), its parameters in `input`, and a note saying what the bound means.
 */
function approximations(
  g: Graph,
  a: AnalyzeArgs,
  input: Record<string, unknown>,
  notes: string[],
  lang: Lang,
  onProgress: ((label: string, done: number, total: number) => void) | undefined,
): AnalyzeOptions['betweenness'] {
  if (a.approx === undefined) return undefined
  const given: NonNullable<AnalyzeOptions['betweenness']> = {}
  const reported: Record<string, unknown> = {}
  for (const key of ['paths', 'weightedPaths'] as const) {
    const weight = key === 'weightedPaths'
    if ((weight && !g.weighted) || !BETWEENNESS_MEASURES[key].some(wanted(a))) continue
    const label = weight ? 'weighted betweenness (sampling)' : 'betweenness (sampling)'
    const r = approximateBetweenness(g, {
      epsilon: a.approx,
      delta: a.delta,
      seed: a.seed,
      weight,
      onProgress: onProgress && ((d, t) => onProgress(label, d, t)),
    })
    given[key] = r.values
    const scale = betweennessScale(g)
    const normalizedErrorBound = scale > 0 ? r.errorBound / scale : 0
    const name = weight ? 'weightedBetweenness' : 'betweenness'
    reported[name] = {
      method: 'Riondato–Kornaropoulos sampling',
      epsilon: r.epsilon,
      delta: r.delta,
      seed: r.seed,
      samples: r.samples,
      vertexDiameterBound: r.vertexDiameterBound,
      errorBound: r.errorBound,
      normalizedErrorBound,
    }
    notes.push(approxNote(name, r, normalizedErrorBound, lang))
  }
  if (Object.keys(reported).length) input.approximate = reported
  return given
}

function approxNote(name: string, r: ApproxBetweenness, normalizedBound: number, lang: Lang): string {
  const int = (x: number): string => Math.round(x).toLocaleString('en')
  const num = (x: number): string => Number(x.toPrecision(4)).toLocaleString('en', { maximumSignificantDigits: 4 })
  const pct = `${Number(((1 - r.delta) * 100).toPrecision(6))}%`
  if (lang === 'zh-CN') {
    const what = name === 'betweenness' ? '中介中心性' : '加权中介中心性'
    return (
      `${what}为近似值（Riondato–Kornaropoulos 抽样，种子 ${r.seed}）：抽取 ${int(r.samples)} 条最短路径` +
      `（顶点直径上界 ${r.vertexDiameterBound}）；以 ${pct} 的概率，每个行动者的值与精确值之差不超过 ±${num(r.errorBound)}` +
      `（ε = ${r.epsilon}，乘以点对数），标准化值之差不超过 ±${num(normalizedBound)}。`
    )
  }
  return (
    `${name} is approximate (Riondato–Kornaropoulos sampling, seed ${r.seed}): ${int(r.samples)} shortest paths sampled ` +
    `(vertex-diameter bound ${r.vertexDiameterBound}); with probability ${pct} every actor's value is within ` +
    `±${num(r.errorBound)} of the exact one (ε = ${r.epsilon} times the number of pairs), ` +
    `and its normalised value within ±${num(normalizedBound)}.`
  )
}
