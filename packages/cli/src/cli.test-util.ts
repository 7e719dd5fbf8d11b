// Runs the cosafe command in-process for tests, capturing its output and exit status.

import { main } from './main.js'
import type { Io } from './io.js'

export async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), tty: false }
  const code = await main(argv, io)
  return { code, out, err }
}
