// What the web app's browser tests share: Debian's chromium, the built app, and the real server on a
// fresh SQLite database with the demo. Without /usr/bin/chromium the tests skip locally and fail under CI=true.

import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { startServer, type Running } from '@cosafe/server'
import { openStore } from '@cosafe/store'

export const CHROMIUM = '/usr/bin/chromium'
export const ARTIFACTS = fileURLToPath(new URL('../../../artifacts/', import.meta.url))
const WEB = fileURLToPath(new URL('../', import.meta.url))

export const available = existsSync(CHROMIUM)
if (!available && process.env.CI === 'true')
  throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium`)

/** Builds the web app when packages/web/dist is missing, starts the server with the demo and launches chromium. */
export async function startE2e(prefix: string): Promise<{ running: Running; browser: Browser }> {
  if (!existsSync(join(WEB, 'dist', 'index.html')))
    execFileSync(process.execPath, [join(WEB, '../../node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: WEB,
      stdio: 'inherit',
    })
  const store = await openStore({ file: join(mkdtempSync(join(tmpdir(), prefix)), 'e2e.db') })
  const running = await startServer({ port: 0, host: '127.0.0.1', store, demo: true })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return { running, browser }
}
