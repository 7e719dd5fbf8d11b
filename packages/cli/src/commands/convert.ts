// `cosafe convert IN OUT`: rewrites a network file in another format.

import { parseArgs } from 'node:util'
import { formatForFileName, isFormatName, writeNetwork, writeNodesCsv, type FormatName } from '@cosafe/sna'
import { UsageError } from '../errors.js'
import { writeOutput, type Io } from '../io.js'
import { loadNetwork } from './analyze.js'

export const CONVERT_HELP = `cosafe convert IN OUT [options]

Rewrites a network file in another format. The output format comes from OUT's ending
(.csv, .dl, .net, .graphml, .gexf, .json) or from --to. A CSV edge list is written with its
node table (labels and attributes) beside it as NAME.nodes.csv. OUT "-" writes to the screen.

  --to F                csv, matrix, dl, pajek, graphml, gexf or json
  --format F            format of IN (default: detected)
  --nodes FILE          node table for a CSV edge list IN
  --directed | --undirected   direction for inputs that do not state it (CSV, DL)
  --two-mode            read IN as a two-mode network
  --relation NAME       write only this relation of a multiplex network
`

export function runConvert(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      to: { type: 'string' },
      format: { type: 'string' },
      nodes: { type: 'string' },
      directed: { type: 'boolean' },
      undirected: { type: 'boolean' },
      'two-mode': { type: 'boolean' },
      relation: { type: 'string' },
      lang: { type: 'string' },
    },
  })
  if (positionals.length !== 2)
    throw new UsageError(`convert needs an input and an output file, got ${positionals.length} file name(s)`)
  const [input, output] = positionals as [string, string]
  for (const [flag, v] of [
    ['--to', values.to],
    ['--format', values.format],
  ] as const) {
    if (v !== undefined && !isFormatName(v))
      throw new UsageError(`${flag} must be one of csv, matrix, dl, pajek, graphml, gexf, json; got "${v}"`)
  }
  if (values.directed && values.undirected) throw new UsageError('--directed and --undirected exclude each other')
  const to = (values.to as FormatName | undefined) ?? (output === '-' ? undefined : formatForFileName(output))
  if (!to) throw new UsageError(`cannot tell the output format from "${output}"; name it with --to`)
  const { network, warnings } = loadNetwork(input, {
    format: values.format as FormatName | undefined,
    nodes: values.nodes,
    directed: values.directed ? true : values.undirected ? false : undefined,
    twoMode: values['two-mode'],
  })
  if (values.relation !== undefined && !network.findRelation(values.relation)) {
    throw new UsageError(
      `--relation: the file has no relation "${values.relation}"; it has ${network
        .relationNames()
        .map((r) => `"${r}"`)
        .join(', ')}`,
    )
  }
  for (const w of warnings)
    io.err(`note: ${w.where?.source ?? input}${w.where?.line ? `:${w.where.line}` : ''}: ${w.message} (${w.count}×)\n`)
  const text = writeNetwork(network, to, values.relation !== undefined ? { relation: values.relation } : {})
  const target = output === '-' ? undefined : output
  writeOutput(io, text, target, 'wrote')
  const hasNodeData = network.nodes.attributes.size > 0 || network.nodes.labels.some((l) => l !== null)
  if (to === 'csv' && target !== undefined && hasNodeData) {
    const nodesFile = target.replace(/\.(csv|tsv|txt)$/i, '') + '.nodes.csv'
    writeOutput(io, writeNodesCsv(network), nodesFile, 'wrote')
  }
  return 0
}
