// File and stream helpers of the CLI: reading inputs, writing outputs, and the output sink used in tests.

import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { ParseError } from '@cosafe/sna'

/** Where the CLI writes: the real streams, or buffers in tests. */
export interface Io {
  out(text: string): void
  err(text: string): void
  /** stderr is a terminal (progress bars are shown). */
  tty: boolean
}

export const processIo: Io = {
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
  tty: Boolean(process.stderr.isTTY),
}

/** Reads a file's bytes; a missing or unreadable file is the user's error (exit 2). */
export function readInput(path: string): Uint8Array {
  if (!existsSync(path)) throw new ParseError('E_FORMAT', { source: path }, 'file not found')
  try {
    return readFileSync(path)
  } catch (e) {
    throw new ParseError(
      'E_FORMAT',
      { source: path },
      `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
    )
  }
}

/** The name shown in messages: the path as the user typed it. */
export function displayName(path: string): string {
  return path || basename(path)
}

/** Writes text to a file or, when no file is named, to stdout. */
export function writeOutput(io: Io, text: string, file: string | undefined, note: string): void {
  if (file === undefined) {
    io.out(text)
    return
  }
  try {
    writeFileSync(file, text)
  } catch (e) {
    throw new ParseError(
      'E_FORMAT',
      { source: file },
      `cannot write the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
    )
  }
  io.err(`${note} ${file}\n`)
}

/** The node table that sits beside a CSV edge list: NAME.nodes.csv for NAME.csv. */
export function siblingNodesFile(path: string): string | undefined {
  const m = /^(.*)\.(csv|tsv|txt)$/i.exec(path)
  if (!m || /\.nodes\.(csv|tsv|txt)$/i.test(path)) return undefined
  const candidate = `${m[1]}.nodes.${m[2]}`
  return existsSync(candidate) ? candidate : undefined
}
