// What the structure commands share: options parsed the same way, one input network, output as JSON, table or CSV.

import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { FormatName, Graph, Network, Warning } from '@cosafe/sna'
import { renderCsv, renderText, type Block } from '../document.js'
import { UsageError } from '../errors.js'
import { parseLang, t, type Lang } from '../i18n.js'
import { writeOutput, type Io } from '../io.js'
import { INPUT_OPTIONS, inputArgs, loadNetwork, pickRelation, reportWarnings, type InputArgs } from './input.js'

type Options = NonNullable<ParseArgsConfig['options']>

/** Options of every structure command: the input options, the output choice and the language. */
export const OUTPUT_OPTIONS = {
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
  table: { type: 'boolean' },
  out: { type: 'string' },
} as const

export const OUTPUT_HELP = `  --format F            input format (default: detected from content and name)
  --nodes FILE          node table for a CSV edge list (default: NAME.nodes.csv when present)
  --directed | --undirected   direction for inputs that do not state it (CSV, DL)
  --relation NAME       which relation of a multiplex file to use (default: the first)
  --json | --csv | --table    output (default: --table); CSV is UTF-8 with BOM for Excel
  --out FILE            write the output to FILE instead of the screen
  --lang en|zh-CN       language of the output`

export interface Command<V> {
  values: V
  files: string[]
  input: InputArgs
  output: 'json' | 'csv' | 'table'
  out?: string
  lang: Lang
}

/** Parses a structure command's arguments; `files` is the number of file or id arguments allowed. */
export function parseCommand<O extends Options>(
  name: string,
  argv: string[],
  options: O,
  files: { min: number; max: number; what: string },
): Command<ReturnType<typeof parseArgs<{ options: O & typeof INPUT_OPTIONS & typeof OUTPUT_OPTIONS }>>['values']> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { ...INPUT_OPTIONS, ...OUTPUT_OPTIONS, ...options },
  })
  if (positionals.length < files.min || positionals.length > files.max)
    throw new UsageError(`${name} needs ${files.what}; run "cosafe ${name} --help"`)
  const v = values as Record<string, unknown>
  const outputs = (['json', 'csv', 'table'] as const).filter((k) => v[k])
  if (outputs.length > 1) throw new UsageError(`choose one output: --${outputs.join(' or --')}`)
  return {
    values: values as never,
    files: positionals,
    input: inputArgs(v as Parameters<typeof inputArgs>[0]),
    output: outputs[0] ?? 'table',
    out: v.out as string | undefined,
    lang: parseLang(v.lang as string | undefined),
  }
}

/** Reads one input network and picks the relation asked for. */
export function readGraph(
  file: string,
  input: InputArgs,
  io: Io,
  opts: { directed?: boolean; format?: FormatName } = {},
): { network: Network; graph: Graph; warnings: Warning[]; format: FormatName } {
  const { network, warnings, format } = loadNetwork(file, { ...input, ...opts })
  reportWarnings(io, warnings, file)
  return { network, graph: pickRelation(network, input.relation), warnings, format }
}

/** Parses a whole number option, with the option's name in the message. */
export function wholeOption(flag: string, value: string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min)
    throw new UsageError(`${flag} must be a whole number ≥ ${min}, got "${value}"`)
  return n
}

/** Parses a number option. */
export function numberOption(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${flag} must be a number, got "${value}"`)
  return n
}

/** Runs a library call; its RangeErrors (bad parameters) become usage errors (exit 2). */
export function checked<T>(f: () => T): T {
  try {
    return f()
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(e.message)
    throw e
  }
}

/** Writes the result: JSON as is, or the blocks as a table or CSV. */
export function emit(io: Io, c: Command<unknown>, json: unknown, blocks: () => Block[]): number {
  const text =
    c.output === 'json'
      ? JSON.stringify(json, null, 2) + '\n'
      : c.output === 'csv'
        ? renderCsv(blocks())
        : renderText(blocks(), c.lang)
  writeOutput(io, text, c.out, t('wrote', c.lang))
  return 0
}
