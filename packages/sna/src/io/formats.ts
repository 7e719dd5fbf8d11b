// The format registry: detection by name and content, and one read/write door for every format.

import { ParseError } from '../errors.js'
import type { Network } from '../graph.js'
import { readCsv, readMatrixCsv, writeCsv, writeMatrixCsv, type CsvReadOptions } from './csv.js'
import { readGexf, writeGexf } from './gexf.js'
import { readGraphml, writeGraphml } from './graphml.js'
import { readJson, writeJson } from './json.js'
import { readPajek, writePajek } from './pajek.js'
import { decodeText } from './text.js'
import { readDl, writeDl } from './dl.js'
import type { FormatName, ReadResult, WriteOptions } from './types.js'

interface FormatInfo {
  name: FormatName
  /** File name endings, lower case, without the dot. */
  extensions: readonly string[]
  title: string
  read: (input: string | Uint8Array, opts: CsvReadOptions) => ReadResult
  write: (network: Network, opts: WriteOptions) => string
}

const REGISTRY: FormatInfo[] = [
  { name: 'csv', extensions: ['csv', 'tsv', 'txt'], title: 'CSV/TSV edge list', read: readCsv, write: writeCsv },
  { name: 'matrix', extensions: [], title: 'adjacency matrix CSV', read: readMatrixCsv, write: writeMatrixCsv },
  { name: 'dl', extensions: ['dl'], title: 'UCINET DL', read: readDl, write: writeDl },
  { name: 'pajek', extensions: ['net', 'paj'], title: 'Pajek NET', read: readPajek, write: writePajek },
  { name: 'graphml', extensions: ['graphml'], title: 'GraphML', read: readGraphml, write: writeGraphml },
  { name: 'gexf', extensions: ['gexf'], title: 'GEXF 1.2/1.3', read: readGexf, write: writeGexf },
  { name: 'json', extensions: ['json'], title: 'cosafe JSON', read: readJson, write: writeJson },
]

/** Every format name with its title and file name endings. */
export const FORMATS: readonly { name: FormatName; title: string; extensions: readonly string[] }[] = REGISTRY

function info(name: FormatName): FormatInfo {
  const f = REGISTRY.find((x) => x.name === name)
  if (!f)
    throw new ParseError(
      'E_OPTION',
      { field: 'format' },
      `unknown format "${name}"; expected one of ${REGISTRY.map((x) => x.name).join(', ')}`,
    )
  return f
}

/** True when the name is a known format. */
export function isFormatName(name: string): name is FormatName {
  return REGISTRY.some((x) => x.name === name)
}

/**
 * Decides the format of an input from its content (first non-blank text) and, failing that,
 * from its file name ending. Content wins: a `.txt` file starting with `dl n=` is UCINET DL.
 */
export function detectFormat(name: string | undefined, input?: string | Uint8Array): FormatName {
  if (input !== undefined) {
    let head: string
    try {
      head = decodeText(typeof input === 'string' ? input.slice(0, 4096) : input.subarray(0, 4096)).text
    } catch {
      head = ''
    }
    const byContent = sniff(head)
    if (byContent) return byContent
  }
  const ext = name?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1]
  if (ext) {
    const f = REGISTRY.find((x) => x.extensions.includes(ext))
    if (f) return f.name
  }
  throw new ParseError(
    'E_UNKNOWN_FORMAT',
    { source: name },
    `cannot tell the format; name it with --format (${REGISTRY.map((x) => x.name).join(', ')})`,
  )
}

function sniff(head: string): FormatName | undefined {
  const t = head
    .replace(/^\uFEFF/, '')
    .replace(/^(\s*%[^\n]*\n)+/, '')
    .trimStart()
  const lower = t.slice(0, 200).toLowerCase()
  if (/^dl[\s,]/.test(lower)) return has('dl')
  if (/^\*(vertices|network|arcs|edges)/.test(lower)) return has('pajek')
  if (lower.startsWith('<')) {
    if (/<gexf[\s>]/.test(t.slice(0, 2000))) return has('gexf')
    if (/<graphml[\s>]/.test(t.slice(0, 2000))) return has('graphml')
  }
  if (lower.startsWith('{')) return has('json')
  // adjacency matrix: the header row starts with an empty cell
  if (/^[,;\t]/.test(t)) return 'matrix'
  // edge list: a header naming source and target columns
  const first = t.slice(0, t.search(/\r|\n|$/)).toLowerCase()
  if (/(^|[,;\t"])\s*(source|from)\s*"?[,;\t]/.test(first) && /[,;\t]"?\s*(target|to)\s*("|[,;\t]|$)/.test(first))
    return 'csv'
  return undefined
}

function has(name: FormatName): FormatName | undefined {
  return REGISTRY.some((x) => x.name === name) ? name : undefined
}

export interface ReadNetworkOptions extends CsvReadOptions {
  /** Format; detected from content and name when absent. */
  format?: FormatName
}

/** Reads a network in any supported format (detected when not given). */
export function readNetwork(
  input: string | Uint8Array,
  opts: ReadNetworkOptions = {},
): ReadResult & { format: FormatName } {
  const format = opts.format ?? detectFormat(opts.source, input)
  return { ...info(format).read(input, opts), format }
}

/** Writes a network in a format. */
export function writeNetwork(network: Network, format: FormatName, opts: WriteOptions = {}): string {
  return info(format).write(network, opts)
}

/** Format for an output file name (by its ending). */
export function formatForFileName(name: string): FormatName | undefined {
  const ext = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1]
  return ext ? REGISTRY.find((x) => x.extensions.includes(ext))?.name : undefined
}
