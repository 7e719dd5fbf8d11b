// What analyze and convert share: the input options, reading a network file, picking a relation, reporting notes.

import { isFormatName, readNetwork, type FormatName, type Graph, type Network, type Warning } from '@cosafe/sna'
import { UsageError } from '../errors.js'
import { readInput, siblingNodesFile, type Io } from '../io.js'

/** util.parseArgs descriptors of the options every command reading a network accepts. */
export const INPUT_OPTIONS = {
  format: { type: 'string' },
  nodes: { type: 'string' },
  directed: { type: 'boolean' },
  undirected: { type: 'boolean' },
  'two-mode': { type: 'boolean' },
  relation: { type: 'string' },
  lang: { type: 'string' },
} as const

export interface InputArgs {
  format?: FormatName
  nodes?: string
  directed?: boolean
  twoMode: boolean
  relation?: string
}

/** A format name given on the command line, checked. */
export function formatOption(flag: string, value: string | undefined): FormatName | undefined {
  if (value !== undefined && !isFormatName(value)) {
    throw new UsageError(`${flag} must be one of csv, matrix, dl, pajek, graphml, gexf, json; got "${value}"`)
  }
  return value as FormatName | undefined
}

/** Checks and converts the parsed input options. */
export function inputArgs(values: {
  format?: string
  nodes?: string
  directed?: boolean
  undirected?: boolean
  'two-mode'?: boolean
  relation?: string
}): InputArgs {
  if (values.directed && values.undirected) throw new UsageError('--directed and --undirected exclude each other')
  return {
    format: formatOption('--format', values.format),
    nodes: values.nodes,
    directed: values.directed ? true : values.undirected ? false : undefined,
    twoMode: Boolean(values['two-mode']),
    relation: values.relation,
  }
}

/** Reads an input file with the CLI's conventions (sibling node table, two-mode, direction). */
export function loadNetwork(
  file: string,
  opts: { format?: FormatName; nodes?: string; directed?: boolean; twoMode?: boolean },
): { network: Network; warnings: Warning[]; format: FormatName } {
  const bytes = readInput(file)
  const nodesFile = opts.nodes ?? siblingNodesFile(file)
  const nodes = nodesFile !== undefined ? readInput(nodesFile) : undefined
  return readNetwork(bytes, {
    source: file,
    format: opts.format,
    directed: opts.directed,
    twoMode: opts.twoMode,
    nodes,
    nodesSource: nodesFile,
  })
}

/** The relation named by --relation (the first when none is named). */
export function pickRelation(network: Network, name: string | undefined): Graph {
  if (name === undefined) return network.graph
  const g = network.findRelation(name)
  if (!g) {
    throw new UsageError(
      `--relation: the file has no relation "${name}"; it has ${network
        .relationNames()
        .map((r) => `"${r}"`)
        .join(', ')}`,
    )
  }
  return g
}

/** Every decision the reader took, as a note on stderr. */
export function reportWarnings(io: Io, warnings: readonly Warning[], file: string): void {
  for (const w of warnings) {
    io.err(`note: ${w.where?.source ?? file}${w.where?.line ? `:${w.where.line}` : ''}: ${w.message} (${w.count}×)\n`)
  }
}
