// Durability: the server is killed with SIGKILL while it writes, 20 times; every acknowledged write must survive.
//
// The real command (`cosafe serve`, built into dist by `npm test`) runs as a child process on a
// temporary SQLite file. Four clients post ties as fast as they can; at a random moment the
// process is killed without warning. After each restart every tie whose creation was answered
// 201 must be there, and at the end SQLite's integrity check must pass.

import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'

const BIN = fileURLToPath(new URL('../../cli/bin/cosafe.js', import.meta.url))

interface Server {
  child: ChildProcess
  url: string
  logins: { username: string; password: string; role: string }[]
}

function start(db: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      env: { ...process.env, COSAFE_DB: db, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out} ${err}`)), 60_000)
    child.stderr!.on('data', (d) => (err += String(d)))
    child.stdout!.on('data', (d) => {
      out += String(d)
      const m = /serving (http:\/\/[^\s]+)/.exec(out)
      if (m && out.includes('Ctrl-C')) {
        clearTimeout(timer)
        const logins = [...out.matchAll(/^ {4}(\S+) +(\S+) +(\S+)$/gm)].map((x) => ({
          username: x[1]!,
          password: x[2]!,
          role: x[3]!,
        }))
        resolve({ child, url: m[1]!, logins })
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      if (!/serving/.test(out)) reject(new Error(`server exited with ${code}: ${err}`))
    })
  })
}

async function signIn(url: string, username: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (r.status !== 200) throw new Error(`login: ${r.status} ${await r.text()}`)
  const cookie = r.headers
    .getSetCookie()
    .find((c) => c.startsWith('cosafe_session='))!
    .split(';')[0]!
  return { cookie, csrf: ((await r.json()) as { csrfToken: string }).csrfToken }
}

describe('a server killed while writing', () => {
  it('keeps every acknowledged write through 20 SIGKILLs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cosafe-crash-'))
    const db = join(dir, 'crash.db')
    let server = await start(db)
    const staff = server.logins.find((l) => l.role === 'community')
    expect(staff, 'the first start prints the demo logins').toBeDefined()
    const community = 'c'
    const acked = new Set<string>()
    let seq = 0
    for (let round = 0; round < 20; round++) {
      const { cookie, csrf } = await signIn(server.url, staff!.username, staff!.password)
      const communities = (await (await fetch(`${server.url}/api/communities`, { headers: { cookie } })).json()) as {
        items: { id: string }[]
      }
      const cid = communities.items[0]?.id ?? community
      const actors = (await (
        await fetch(`${server.url}/api/communities/${cid}/actors?limit=2`, { headers: { cookie } })
      ).json()) as {
        items: { id: string }[]
      }
      const [a, b] = actors.items
      let alive = true
      const writer = async (): Promise<void> => {
        while (alive) {
          const note = `crash-${round}-${seq++}`
          try {
            const r = await fetch(`${server.url}/api/communities/${cid}/ties`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
              body: JSON.stringify({
                relation: 'INFO',
                sourceId: a!.id,
                targetId: b!.id,
                date: '2026-06-01',
                provenance: 'record',
                note,
              }),
            })
            if (r.status === 201) acked.add(((await r.json()) as { id: string }).id)
            else if (r.status !== 201) await r.text()
          } catch {
            return // the connection died with the server
          }
        }
      }
      const writers = [writer(), writer(), writer(), writer()]
      await new Promise((r) => setTimeout(r, 50 + Math.floor(Math.random() * 400)))
      server.child.kill('SIGKILL')
      await new Promise((r) => server.child.once('exit', r))
      alive = false
      await Promise.all(writers)
      server = await start(db)
      const check = await signIn(server.url, staff!.username, staff!.password)
      const all = (await (
        await fetch(`${server.url}/api/communities/${cid}/ties?limit=1000`, { headers: { cookie: check.cookie } })
      ).json()) as { total: number }
      // every acknowledged tie is there (checked directly in the file at the end as well)
      expect(all.total).toBeGreaterThanOrEqual(acked.size)
    }
    server.child.kill('SIGKILL')
    await new Promise((r) => server.child.once('exit', r))
    const file = new Database(db, { readonly: true })
    try {
      expect(file.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(file.pragma('foreign_key_check')).toEqual([])
      const stored = new Set((file.prepare('select id from ties').all() as { id: string }[]).map((r) => r.id))
      const lost = [...acked].filter((id) => !stored.has(id))
      expect(lost).toEqual([])
      expect(acked.size).toBeGreaterThan(100)
    } finally {
      file.close()
    }
  }, 300_000)
})
