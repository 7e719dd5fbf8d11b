// Matters written by a process killed mid-stream: every acknowledged write is there, whole, and
// every event log is contiguous and agrees with its matter.

import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { foldMatter } from '@cosafe/core'
import { buildPlace, describeStore } from './store.test-util.js'

const WRITER = fileURLToPath(new URL('../test/fixtures/matter-writer.ts', import.meta.url))

/** Runs the writer until it has acknowledged `count` writes, then SIGKILLs it; returns the last version acknowledged per matter. */
function writeThenKill(options: object, community: string, count: number): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, JSON.stringify(options), community], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const acked = new Map<string, number>()
    let lines = 0
    let buffer = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk
      const parts = buffer.split('\n')
      buffer = parts.pop()!
      for (const p of parts) {
        const [id, version] = p.split(' ')
        acked.set(id!, Number(version))
        lines++
      }
      if (lines >= count && child.exitCode === null) child.kill('SIGKILL')
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`writer ended on its own: ${stderr}`)),
    )
  })
}

describeStore('a killed matter writer', (h) => {
  it('loses no acknowledged event and leaves no half step', async () => {
    const { store, options } = h()
    const c = (await buildPlace(store)).community
    const acked = await writeThenKill(options, c, 120)
    expect(acked.size).toBeGreaterThanOrEqual(8)
    const all = await store.matters.allEvents(c)
    for (const [id, version] of acked) {
      const m = await store.matters.get(c, id)
      expect(m, id).toBeDefined()
      // the write acknowledged last, or a later one that committed before the kill
      expect(m!.version, id).toBeGreaterThanOrEqual(version)
    }
    for (const [id, events] of all) {
      const m = (await store.matters.get(c, id))!
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1))
      expect(foldMatter(id, c, events)).toEqual(m)
    }
    expect(await store.matters.count(c)).toBe(all.size)
  })
})
