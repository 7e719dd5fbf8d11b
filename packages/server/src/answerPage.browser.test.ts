// The survey answer page in headless Chromium, at a phone's size: load, answer by tapping, save, resume, submit.
//
// Needs /usr/bin/chromium (Debian's package; `.ci/run` installs it). Without it the test is
// skipped locally and fails under CI=true.

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS, available, launchChromium } from './browser.test-util.js'
import { call, fixture, login, type Fixture } from './server.test-util.js'

let f: Fixture
let browser: Browser
let base: string

beforeAll(async () => {
  if (!available) return
  f = await fixture()
  base = await f.app.listen({ port: 0, host: '127.0.0.1' })
  browser = await launchChromium()
})
afterAll(async () => {
  if (!available) return
  await browser.close()
  await f.close()
})

describe.skipIf(!available)('the answer page in a browser', () => {
  it('is answered on a phone, saved, resumed and submitted', async () => {
    const staff = await login(f.app, 'staff')
    const created = await call(f.app, staff, 'POST', '/api/communities/c1/surveys', {
      title: 'Collaboration survey',
      relations: ['INFO'],
      rosterIds: ['rc', 'ps', 'pc'],
    })
    const { survey, links } = created.json() as {
      survey: { id: string }
      links: { respondentId: string; link: string }[]
    }
    await call(f.app, staff, 'POST', `/api/communities/c1/surveys/${survey.id}/open`)
    const link = links.find((l) => l.respondentId === 'rc')!.link
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('dialog', (d) => void d.accept())
    await page.goto(`${base}${link}`)
    await page.waitForSelector('#q-INFO-ps')
    await page.selectOption('#lang', 'en')
    expect(await page.textContent('#title')).toBe('Collaboration survey')
    // tap "3" for the police station, then save and reload: the answer is still there
    await page.click('#q-INFO-ps .scale button:nth-child(4)')
    await page.click('#save')
    await page.waitForFunction(() => document.getElementById('msg')!.textContent!.startsWith('Saved'))
    await page.reload()
    await page.waitForSelector('#q-INFO-ps .scale button[aria-pressed="true"]')
    expect(await page.textContent('#q-INFO-ps .scale button[aria-pressed="true"]')).toMatch(/^3/)
    // submitting with a question open is refused on the page
    await page.click('#submit')
    expect(await page.textContent('#msg')).toMatch(/not answered/)
    await page.click('#q-INFO-pc .scale button:nth-child(2)')
    await page.click('#submit')
    await page.waitForFunction(() => document.getElementById('msg')!.textContent!.includes('Submitted'))
    mkdirSync(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: join(ARTIFACTS, 'answer-page.png'), fullPage: true })
    expect(errors).toEqual([])
    const responses = await f.store.surveys.responses('c1', survey.id)
    const rc = responses.find((r) => r.respondentId === 'rc')!
    expect(rc.status).toBe('submitted')
    expect(rc.answers.ties.INFO).toEqual({ ps: 3, pc: 1 })
    await context.close()
  })
})
