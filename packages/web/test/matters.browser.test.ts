// The safety matters journey in headless Chromium against the real server with the demo: community
// staff open the board, take a step on a matter and see its timeline grow, then the supervisor view.
// Screenshots: artifacts/web-matters-drawer.png, artifacts/web-matters.png.
//
// Needs /usr/bin/chromium: without it the tests are skipped locally and fail under CI=true.

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCommunity } from '@cosafe/core'
import type { Running } from '@cosafe/server'
import { ARTIFACTS, available, startE2e } from './e2e.test-util.js'

const staff = demoCommunity().accounts.find((a) => a.username === 'c-staff')!
const resident = demoCommunity().accounts.find((a) => a.username === 'c-resident')!
const COMMUNITY = demoCommunity().communities[0]!.id

let running: Running
let browser: Browser
let context: BrowserContext
let page: Page
let base: string
const errors: string[] = []

async function shot(journey: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: join(ARTIFACTS, `web-${journey}.png`), fullPage: true })
}

beforeAll(async () => {
  if (!available) return
  ;({ running, browser } = await startE2e('cosafe-web-e2e-'))
  base = running.url
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
  page = await context.newPage()
  page.on('pageerror', (e) => errors.push(e.message))
}, 240_000)

afterAll(async () => {
  if (!available) return
  await browser?.close()
  await running?.close()
})

describe.skipIf(!available).sequential('safety matters journey', () => {
  it('opens the board, takes a step on a matter and sees its timeline grow', async () => {
    await page.goto(`${base}/matters`)
    await page.waitForURL(/\/signin/)
    await page.fill('#username', staff.username)
    await page.fill('#password', staff.password)
    await page.click('#signin')
    await page.waitForURL(/\/matters$/)
    await page.waitForSelector('#matters-board .matter-card')
    expect(await page.textContent('.ant-menu')).toContain('安全事项')
    // a column whose matters allow a step without a form: accepted → start, dispatched → accept, verified → close;
    // or in progress → done, whose form asks whether the problem was solved (yes by default)
    const candidates: [string, string][] = [
      ['已接单', 'start'],
      ['已派单', 'accept'],
      ['已核查', 'close'],
      ['办理中', 'done'],
    ]
    let taken = false
    for (const [column, kind] of candidates) {
      const card = page.locator(`#matters-board section[aria-label="${column}"] .matter-card`).first()
      if ((await card.count()) === 0) continue
      await card.locator('button').first().click()
      await page.waitForSelector('#matter-timeline .matter-event')
      const before = await page.locator('#matter-timeline .matter-event').count()
      expect(before).toBeGreaterThan(0)
      await page.click(`#matter-steps button[data-step="${kind}"]`)
      if (kind === 'done') await page.click('.ant-modal-footer .ant-btn-primary')
      await page.waitForFunction((n) => document.querySelectorAll('#matter-timeline .matter-event').length > n, before)
      taken = true
      break
    }
    expect(taken).toBe(true)
    await shot('matters-drawer')
    await page.keyboard.press('Escape')
  })

  it('pages a long column and filters the board by category and overdue', async () => {
    // 25 new reports of one category, through the API as the signed-in staff (the page's own cookies)
    const created = await page.evaluate(async (community) => {
      const csrf = decodeURIComponent(/(?:^|;\s*)cosafe_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '')
      let ok = 0
      for (let i = 0; i < 25; i++) {
        const r = await fetch(`/api/communities/${community}/matters`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
          body: JSON.stringify({
            source: 'resident',
            category: 'ebike_charging',
            description: `楼道电动车充电 ${i}`,
            location: { address: `${i}号楼` },
          }),
        })
        if (r.status === 201) ok++
      }
      return ok
    }, COMMUNITY)
    expect(created).toBe(25)
    await page.reload()
    const column = page.locator('#matters-board section[aria-label="已受理"]')
    await column.locator('.matter-card').first().waitFor()
    expect(await column.locator('.matter-card').count()).toBe(20)
    await column.locator('button', { hasText: '显示更多' }).click()
    await page.waitForFunction(
      () => document.querySelectorAll('#matters-board section[aria-label="已受理"] .matter-card').length > 20,
    )
    // one category: another category's received column holds none of the 25, theirs exactly them (all
    // shown: the column keeps the length "show more" gave it)
    const pick = async (label: string): Promise<void> => {
      await page.click('[aria-label="类别"]', { force: true })
      await page.keyboard.type(label)
      await page.click(`.ant-select-item-option[title="${label}"]`)
    }
    await pick('消防通道堵塞')
    await page.waitForFunction(() => {
      const cards = [...document.querySelectorAll('#matters-board section[aria-label="已受理"] .matter-card')]
      return !cards.some((c) => c.textContent?.includes('楼道电动车充电'))
    })
    await pick('电动自行车违规充电')
    await page.waitForFunction(() => {
      const col = document.querySelector('#matters-board section[aria-label="已受理"]')
      const cards = [...(col?.querySelectorAll('.matter-card') ?? [])]
      const title = col?.querySelector('h5')?.textContent ?? ''
      return (
        cards.length === 25 && cards.every((c) => c.textContent?.includes('楼道电动车充电')) && title.includes('25')
      )
    })
    // overdue only: the settled columns step aside
    await page.click('text=只看超期')
    await page.waitForFunction(() => !document.querySelector('#matters-board section[aria-label="已结案"]'))
    await page.click('text=只看超期')
    await shot('matters-board')
  })

  it('shows the supervisor view: overdue matters and KPIs with formulas', async () => {
    await page.click('.ant-tabs-tab >> text=督办')
    await page.waitForSelector('#matter-kpis .ant-table-row')
    expect(await page.textContent('#matter-kpis')).toContain('计算公式')
    expect(await page.textContent('#matter-kpis')).toContain('响应率')
    await page.waitForSelector('#supervisor >> text=本社区超期事项')
    await shot('matters')
    expect(errors).toEqual([])
  })

  it('offers residents the public report form of their community instead of the matters area', async () => {
    const other = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    const p = await other.newPage()
    await p.goto(`${base}/signin`)
    await p.fill('#username', resident.username)
    await p.fill('#password', resident.password)
    await p.click('#signin')
    await p.waitForSelector('.ant-menu >> text=上报安全隐患')
    expect(await p.getAttribute('.ant-menu a:has-text("上报安全隐患")', 'href')).toBe(`/report/${COMMUNITY}`)
    expect(await p.textContent('.ant-menu')).not.toContain('安全事项')
    await other.close()
  })
})
