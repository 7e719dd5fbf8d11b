// `cosafe convert IN OUT`: rewrites a network file in another format.

import { parseArgs } from 'node:util'
import { formatForFileName, writeNetwork, writeNodesCsv } from '@cosafe/sna'
import { UsageError } from '../errors.js'
import { writeOutput, type Io } from '../io.js'
import { formatOption, INPUT_OPTIONS, inputArgs, loadNetwork, pickRelation, reportWarnings } from './input.js'

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
    options: { ...INPUT_OPTIONS, to: { type: 'string' } },
  })
  if (positionals.length !== 2)
    throw new UsageError(`convert needs an input and an output file, got ${positionals.length} file name(s)`)
  const [input, output] = positionals as [string, string]
  const args = inputArgs(values)
  const to = formatOption('--to', values.to) ?? (output === '-' ? undefined : formatForFileName(output))
  if (!to) throw new UsageError(`cannot tell the output format from "${output}"; name it with --to`)
  const { network, warnings } = loadNetwork(input, args)
  if (args.relation !== undefined) pickRelation(network, args.relation)
  reportWarnings(io, warnings, input)
  const text = writeNetwork(network, to, args.relation !== undefined ? { relation: args.relation } : {})
  const target = output === '-' ? undefined : output
  writeOutput(io, text, target, 'wrote')
  const hasNodeData = network.nodes.attributes.size > 0 || network.nodes.labels.some((l) => l !== null)
  if (to === 'csv' && target !== undefined && hasNodeData) {
    const nodesFile = target.replace(/\.(csv|tsv|txt)$/i, '') + '.nodes.csv'
    writeOutput(io, writeNodesCsv(network), nodesFile, 'wrote')
  }
  return 0
}
