// The HTML report in headless Chromium: no console errors, no requests, the SVG figure visible; screenshots kept.
//
// Needs /usr/bin/chromium (Debian's package; `.ci/run` installs it). Without it the test is
// skipped locally and fails under CI=true.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoReport } from './demo.test-util.js'
import { renderHtml } from './html.js'
import { formatNumber } from './format.js'

const CHROMIUM = '/usr/bin/chromium'
const ARTIFACTS = fileURLToPath(new URL('../../../artifacts/', import.meta.url))
const available = existsSync(CHROMIUM)
if (!available && process.env.CI === 'true')
  throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium`)

let browser: Browser

beforeAll(async () => {
  if (!available) return
  mkdirSync(ARTIFACTS, { recursive: true })
  browser = await chromium.launch({
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
})
afterAll(async () => {
  if (available) await browser.close()
})

describe.skipIf(!available)('the HTML report in a browser', () => {
  for (const lang of ['en', 'zh-CN'] as const)
    it(`renders in ${lang} without errors or requests, figure visible, what-ifs shown as predicted`, async () => {
      const m = demoReport(lang)
      const html = renderHtml(m)
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 } })
      const page = await context.newPage()
      const errors: string[] = []
      const requests: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      page.on('console', (msg) => {
        if (msg.type() === 'error' || msg.type() === 'warning') errors.push(msg.text())
      })
      page.on('request', (r) => requests.push(r.url()))
      const file = join(ARTIFACTS, `report-${lang}.html`)
      writeFileSync(file, html)
      await page.goto(`file://${file}`)
      expect(errors).toEqual([])
      expect(requests).toEqual([`file://${file}`])
      expect(await page.getAttribute('html', 'lang')).toBe(lang)
      expect(await page.textContent('h1')).toBe(m.title)
      // the figure: an inline SVG of a sensible size with every actor drawn
      const box = await page.locator('#figure svg').boundingBox()
      expect(box!.width).toBeGreaterThan(800)
      expect(box!.height).toBeGreaterThan(400)
      expect(await page.locator('#figure svg circle').count()).toBe(m.figure.nodes.length + m.figure.legend.length)
      expect(await page.locator('#figure svg').isVisible()).toBe(true)
      // tables: one row per actor; the first recommendation with a what-if shows its numbers
      expect(await page.locator('#table-actors tbody tr').count()).toBe(m.figure.nodes.length)
      const rec = m.recommendations.find((r) => r.effect)!
      const shown = await page.locator('.rec table.effect').first().innerText()
      for (const e of rec.effect!) {
        expect(shown).toContain(formatNumber(e.before, 'share'))
        expect(shown).toContain(formatNumber(e.after, 'share'))
      }
      // print: page breaks before the main parts
      await page.emulateMedia({ media: 'print' })
      expect(await page.locator('#findings').evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page')
      await page.emulateMedia({ media: 'screen' })
      await page.screenshot({ path: join(ARTIFACTS, `report-${lang}.png`), fullPage: true })
      expect(existsSync(join(ARTIFACTS, `report-${lang}.png`))).toBe(true)
      const pdf = await page.pdf({ format: 'A4' })
      expect(pdf.length).toBeGreaterThan(10_000)
      await context.close()
    })
})
