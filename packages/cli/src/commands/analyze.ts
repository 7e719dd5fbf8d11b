// `cosafe analyze FILE`: reads a network in any format and prints its measures.

import { parseArgs } from 'node:util'
import {
  analysisToJson,
  analyze,
  analyzeGroups,
  connectivityReport,
  describeCode,
  eiReport,
  NETWORK_MEASURES,
  NODE_MEASURES,
  twoModeReport,
  type Graph,
  type Network,
} from '@cosafe/sna'
import { renderCsv, renderText, type Block } from '../document.js'
import { connectivityBlocks, eiBlocks, twoModeBlocks } from './analyzeBlocks.js'
import { wholeOption } from './run.js'
import { UsageError } from '../errors.js'
import { t, parseLang } from '../i18n.js'
import { writeOutput, type Io } from '../io.js'
import { INPUT_OPTIONS, inputArgs, loadNetwork, pickRelation, reportWarnings, type InputArgs } from './input.js'
import { progressBar } from '../progress.js'
import { toCsv, toTable, type Report } from '../format.js'

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
  --seed S              seed of the permutations (default 1)
  --json | --csv | --table   output (default: --table); CSV is UTF-8 with BOM for Excel
  --out FILE            write the output to FILE instead of the screen
  --lang en|zh-CN       language of table headers and messages

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

export function runAnalyze(argv: string[], io: Io): number {
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
  const result: Record<string, unknown> = {
    input: {
      file: a.file,
      format,
      directed: g.directed,
      weighted: g.weighted,
      relation: g.relation,
      relations: network.relationNames(),
      twoMode: g.twoModeRows !== null,
    },
  }
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
    const analysis = analyze(g, {
      measures: a.measures,
      onProgress: io.tty
        ? (label, done, total) => progress.update(`${t('computing', lang)} ${label}`, done, total)
        : undefined,
    })
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
  let text: string
  if (a.output === 'json') text = JSON.stringify(result, null, 2) + '\n'
  else if (a.output === 'csv') text = toCsv(report, lang) + (extra.length ? '\r\n' + renderCsv(extra).slice(1) : '')
  else {
    text = toTable(report, lang) + (extra.length ? '\n' + renderText(extra, lang) : '')
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
  writeOutput(io, text, a.out, t('wrote', lang))
  return 0
}
