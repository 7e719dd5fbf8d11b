// The web app's journeys in headless Chromium against the real server on a fresh SQLite database with the demo:
// sign in, switch language (and move by keyboard), add an actor, log an activity, design and open a survey. Screenshots go to artifacts/web-<journey>.png.
//
// Needs /usr/bin/chromium (`.ci/run` installs it): without it the tests are skipped locally and
// fail under CI=true. Builds the web app first when packages/web/dist is missing.

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCommunity } from '@cosafe/core'
import type { Running } from '@cosafe/server'
import { ARTIFACTS, available, startE2e } from './e2e.test-util.js'

const staff = demoCommunity().accounts.find((a) => a.username === 'c-staff')!
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

/** Picks options of an Ant Design Select by typing into it (the keyboard path a user without a mouse takes). */
async function choose(selector: string, ...texts: string[]): Promise<void> {
  await page.click(selector)
  for (const text of texts) {
    await page.fill(selector, text)
    await page.waitForSelector(`.ant-select-dropdown:visible .ant-select-item-option-active`)
    await page.keyboard.press('Enter')
  }
  // a multiple select keeps its list open: Escape closes it (a single select has closed by itself, and
  // Escape there would close the drawer around the form)
  if (await page.locator(selector).evaluate((el) => el.closest('.ant-select-multiple') !== null))
    await page.keyboard.press('Escape')
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

describe.skipIf(!available).sequential('web app journeys', () => {
  it('signs in (with the demo hint) and lands on the dashboard', async () => {
    await page.goto(`${base}/actors`)
    // not signed in: sent to the sign-in page, which offers the demo logins
    await page.waitForURL(/\/signin\?next=%2Factors/)
    await page.waitForSelector('text=演示社区')
    // a wrong password is refused with a message
    await page.fill('#username', staff.username)
    await page.fill('#password', 'not the password')
    await page.click('#signin')
    await page.waitForSelector('[role=alert] >> text=用户名或密码错误')
    await shot('signin')
    await page.fill('#password', staff.password)
    await page.click('#signin')
    // back where the user wanted to go
    await page.waitForURL(/\/actors$/)
    await page.click('.ant-menu >> text=工作台')
    await page.waitForSelector('text=网络密度')
    expect(await page.textContent('h1')).toContain('C 社区')
    // the demo's weaknesses show among the diagnosis's findings, and the last twelve months are drawn
    await page.waitForSelector('.ant-card:has-text("最新诊断发现") .ant-tag >> text=严重')
    await page.waitForSelector('[role=img][aria-label="近十二个月"] canvas')
    await shot('dashboard')
  })

  it('switches the language everywhere and remembers it', async () => {
    expect(await page.textContent('.ant-menu')).toContain('工作台')
    await page.click('.language-switch >> text=English')
    await page.waitForSelector('.ant-menu >> text=Dashboard')
    await page.waitForSelector('text=Density')
    expect(await page.textContent('h1')).toContain('C Community at a glance')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    await page.reload()
    await page.waitForSelector('.ant-menu >> text=Actors & responsibilities')
    await page.waitForSelector('text=Who holds the network together')
    await shot('language')
    // keyboard: the first Tab reaches the skip link, which moves focus to the page's content
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
  })

  it('adds an actor, checked as it is typed', async () => {
    await page.click('.ant-menu >> text=Actors & responsibilities')
    await page.waitForSelector('#add-actor')
    await page.click('#add-actor')
    await page.waitForSelector('#actor-form')
    await choose('#actor-type', 'social organisation')
    // an identity card number in the name is refused while typing
    await page.fill('#actor-name', '志愿者 110101199003071234')
    await page.waitForSelector('text=Must not contain an identity card number')
    await page.fill('#actor-name', '晨光社区服务中心')
    await page.fill('#actor-name-en', 'Morning Light Community Service Centre')
    await page.fill('#actor-phone', 'call us')
    await page.waitForSelector('text=Enter a phone number')
    await page.fill('#actor-phone', '010-6512 3456')
    await page.fill('#actor-org-code', 'MLC-01')
    // a field error the server finds lands under its field (the answer is staged once, then the real server answers)
    await page.route(
      '**/api/communities/*/actors',
      (route) =>
        void route.fulfill({
          status: 409,
          contentType: 'application/json',
          body: JSON.stringify({
            error: {
              status: 409,
              code: 'E_CONFLICT',
              message: 'orgCode MLC-01 is used by another actor',
              issues: [{ field: 'body.orgCode', reason: 'used by another actor of this community' }],
            },
          }),
        }),
      { times: 1 },
    )
    await page.click('#actor-save')
    await page.waitForSelector('#actor-form >> text=used by another actor of this community')
    await page.fill('#actor-org-code', 'MLC-02')
    await page.click('#actor-save')
    await page.waitForSelector('.ant-drawer', { state: 'hidden' })
    await page.fill('input[aria-label="Search by name"]', 'Morning Light')
    await page.waitForSelector('td >> text=Morning Light Community Service Centre')
    await shot('actor')
    const actors = await running.store.actors.list(COMMUNITY, { limit: 1000 })
    const added = actors.find((a) => a.nameEn === 'Morning Light Community Service Centre')
    expect(added).toMatchObject({ type: 'social_organisation', sector: 'S', name: '晨光社区服务中心' })
    expect(added!.contact?.phone).toBe('010-6512 3456')
    expect(added!.orgCode).toBe('MLC-02')
    // the responsibility matrix is edited from the keyboard: the new actor co-leads fire safety
    await page.click('.ant-tabs-tab >> text=Responsibility matrix')
    await page.click('input[aria-label="Actors shown"]')
    await page.click('.ant-select-dropdown:visible >> text=All actors')
    const cell = `button[aria-label="Morning Light Community Service Centre, fire safety: No responsibility"]`
    await page.waitForSelector(cell)
    await page.focus(cell)
    await page.keyboard.press('Enter')
    await page.waitForSelector('.ant-select-dropdown:visible >> text=co-responsible')
    // no responsibility is chosen now; lead, co-responsible, support come first: up to co-responsible
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('Enter')
    await page.waitForSelector(
      `button[aria-label="Morning Light Community Service Centre, fire safety: co-responsible"]`,
    )
    // focus is back on the cell
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toMatch(/\|FIRE$/)
    const duties = await running.store.responsibilities.list(COMMUNITY, { limit: 1000 })
    expect(duties.filter((r) => r.actorId === added!.id)).toMatchObject([
      { domain: 'FIRE', role: 'co', source: 'duty_list' },
    ])
    await shot('matrix')
  })

  it('imports actors from a CSV file: all rows or none, with what to fix', async () => {
    await page.click('.ant-tabs-tab >> text=Registry')
    await page.click('button >> text=Import from a file')
    await page.waitForSelector('.ant-modal >> text=Import actors')
    const csv = (rows: string[]) => ({
      name: 'actors.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['类型,部门,名称,英文名称,所在区域', ...rows].join('\n'), 'utf8'),
    })
    // the second row names a sector its type does not belong to: nothing is imported
    await page.setInputFiles(
      '.ant-modal input[type=file]',
      csv([`shop,M,便民五金店,Handy Hardware,${COMMUNITY}`, `shop,G,街角药店,Corner Pharmacy,${COMMUNITY}`]),
    )
    await page.click('#import-run')
    await page.waitForSelector('.ant-modal >> text=Nothing was imported. Problems to fix in the file: 1')
    expect(await page.textContent('.ant-modal .ant-table-tbody')).toMatch(/^3sector/)
    await shot('import-rejected')
    expect(
      (await running.store.actors.list(COMMUNITY, { limit: 1000 })).some((a) => a.nameEn === 'Handy Hardware'),
    ).toBe(false)
    await page.setInputFiles(
      '.ant-modal input[type=file]',
      csv([`shop,M,便民五金店,Handy Hardware,${COMMUNITY}`, `shop,M,街角药店,Corner Pharmacy,${COMMUNITY}`]),
    )
    await page.click('#import-run')
    await page.waitForSelector('text=Imported: 2')
    await page.fill('input[aria-label="Search by name"]', 'Corner Pharmacy')
    await page.waitForSelector('td >> text=Corner Pharmacy')
    const names = (await running.store.actors.list(COMMUNITY, { limit: 1000 })).map((a) => a.nameEn)
    expect(names).toEqual(expect.arrayContaining(['Handy Hardware', 'Corner Pharmacy']))
  })

  it('logs an activity: who took part, domain, phase', async () => {
    await page.click('.ant-menu >> text=Activities')
    await page.waitForSelector('#add-activity')
    await page.click('#add-activity')
    await page.waitForSelector('#activity-form')
    await page.fill('#activity-title', 'Fire-safety walk with the new service centre')
    await choose('#activity-kind', 'inspection')
    await choose('#activity-domains', 'fire safety')
    await page.click('#activity-form >> text=respond')
    await choose('#activity-convener', "Residents' Committee")
    await choose('#activity-attended', 'Morning Light', 'Fire Rescue')
    await page.click('#activity-save')
    // saved: the drawer shows the activity's card
    await page.waitForSelector('.ant-drawer-title >> text=Fire-safety walk with the new service centre')
    await shot('activity')
    const activities = await running.store.activities.list(COMMUNITY, { limit: 10_000 })
    const logged = activities.find((a) => a.title === 'Fire-safety walk with the new service centre')!
    const actors = await running.store.actors.list(COMMUNITY, { limit: 1000 })
    const idOf = (en: string) => actors.find((a) => a.nameEn?.includes(en))!.id
    expect(logged).toMatchObject({ kind: 'inspection', domains: ['FIRE'], phase: 'RESPOND' })
    expect(logged.convenerId).toBe(idOf("Residents' Committee"))
    expect([...logged.attendedIds].sort()).toEqual([idOf('Morning Light'), idOf('Fire Rescue')].sort())
    // the calendar shows it on its day
    await page.keyboard.press('Escape')
    await page.click('.ant-tabs-tab >> text=Calendar')
    await page.waitForSelector('.calendar-events >> text=Fire-safety walk')
  })

  it('designs a survey, opens it and hands out a personal link that opens on a phone', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base })
    await page.click('.ant-menu >> text=Surveys')
    await page.waitForSelector('#add-survey')
    await page.click('#add-survey')
    await page.waitForSelector('#survey-form')
    await page.fill('#survey-title', 'Collaboration survey, winter 2026')
    await page.click('#survey-save')
    // the links are shown once; copy the first one
    await page.waitForSelector('.ant-modal >> text=Personal links')
    const first = (await page.textContent('.ant-modal .survey-link'))!
    expect(first).toMatch(new RegExp(`^${base}/s/[A-Za-z0-9_-]{20,}$`))
    await page.click('.ant-modal button[aria-label^="Copy the link of"] >> nth=0')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first)
    await shot('survey-links')
    await page.click('.ant-modal-footer >> text=Close')
    // the survey's page: a draft until opened
    await page.waitForSelector('#survey-open')
    await page.click('#survey-open')
    await page.waitForSelector('text=The survey is open')
    await page.waitForSelector('.ant-tag >> text=Open')
    const surveys = await running.store.surveys.list(COMMUNITY)
    const created = surveys.find((x) => x.title === 'Collaboration survey, winter 2026')!
    expect(created.status).toBe('open')
    expect(created.relations).toEqual(['INFO', 'JOINT_ACTION'])
    await shot('survey')
    // the respondent's link opens the answer page on a phone
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' })
    const answer = await phone.newPage()
    await answer.goto(first)
    await answer.waitForSelector('#title')
    expect(await answer.textContent('#title')).toBe('Collaboration survey, winter 2026')
    await phone.close()
    // the respondent submits (as the answer page would); the survey's page counts it and offers the downloads
    const token = first.split('/s/')[1]!
    const form = (await (await fetch(`${base}/api/answer/${token}`)).json()) as {
      survey: { relations: { code: string }[]; roster: { id: string }[]; attitudes: { code: string }[] }
    }
    const ties = Object.fromEntries(
      form.survey.relations.map((r) => [r.code, Object.fromEntries(form.survey.roster.map((a, k) => [a.id, k % 3]))]),
    )
    const attitudes = Object.fromEntries(form.survey.attitudes.map((a) => [a.code, 4]))
    const put = await fetch(`${base}/api/answer/${token}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers: { ties, attitudes }, submit: true }),
    })
    expect(put.status).toBe(200)
    await page.reload()
    await page.waitForSelector('text=Submitted (1)')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Answers (CSV)')])
    expect(download.suggestedFilename()).toMatch(/answers\.csv$/)
    const [graphml] = await Promise.all([page.waitForEvent('download'), page.click('text=Network (GraphML)')])
    expect(graphml.suggestedFilename()).toMatch(/\.graphml$/)
    await shot('survey-tracking')
    expect(errors).toEqual([])
  })
})
