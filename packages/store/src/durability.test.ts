// A process killed while writing loses no acknowledged write and leaves no half transaction.

import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { buildPlace, describeStore } from './store.test-util.js'

const WRITER = fileURLToPath(new URL('../test/fixtures/writer.ts', import.meta.url))

/** Runs the writer until it has acknowledged `count` commits, then kills it (SIGKILL); returns the acknowledged ids. */
function writeThenKill(options: object, community: string, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, JSON.stringify(options), community], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const acked: string[] = []
    let buffer = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk
      const lines = buffer.split('\n')
      buffer = lines.pop()!
      acked.push(...lines)
      if (acked.length >= count && child.exitCode === null) child.kill('SIGKILL')
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`writer ended on its own: ${stderr}`)),
    )
  })
}

describeStore('a killed writer', (h) => {
  it('loses no acknowledged write and leaves no half transaction', async () => {
    const { store, options } = h()
    const c = (await buildPlace(store)).community
    const acked = await writeThenKill(options, c, 40)
    expect(acked.length).toBeGreaterThanOrEqual(40)
    const actors = new Set((await store.actors.list(c)).map((a) => a.id))
    for (const id of acked) expect(actors.has(id), id).toBe(true)
    // each transaction wrote an actor and its responsibility: both or neither
    const responsible = new Set((await store.responsibilities.list(c)).map((r) => r.actorId))
    expect(responsible).toEqual(actors)
    // and the database still takes writes
    expect(await store.migrate()).toEqual([])
  })
})
