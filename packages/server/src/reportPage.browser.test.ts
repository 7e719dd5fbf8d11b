// The resident report form in headless Chromium at a 390-px phone: no horizontal scrolling, clear
// messages for a bad report in the chosen language, a photo resized on the phone, and a report
// stored without an account, followed on its tracking page.
//
// Needs /usr/bin/chromium; skipped without it locally, fails under CI=true.

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS, available, launchChromium } from './browser.test-util.js'
import { fixture, type Fixture } from './server.test-util.js'

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

describe.skipIf(!available)('the resident report form in a browser', () => {
  it('fits a 390-px phone, explains mistakes, and takes a report with a photo and no account', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${base}/report/c1`)
    expect(await page.textContent('h1')).toBe('安全隐患随手报')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    // an empty report: each missing field says what is wrong, in Chinese
    await page.click('#submit')
    expect(await page.textContent('#e-category')).toBe('请选择问题类型')
    expect(await page.textContent('#e-description')).toBe('请描述问题（5–2000 个字）')
    expect(await page.textContent('#e-address')).toBe('请填写地点，或使用我的位置')
    mkdirSync(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: join(ARTIFACTS, 'report-form-errors.png'), fullPage: true })
    // switch to English: the page and its messages follow
    await page.selectOption('#lang', 'en')
    expect(await page.textContent('h1')).toBe('Report a safety problem')
    await page.selectOption('#category', 'fire_passage')
    await page.fill('#description', 'Bikes block the fire passage of building 3')
    await page.fill('#address', 'Building 3, east side')
    await page.fill('#phone', 'call me')
    await page.click('#submit')
    expect(await page.textContent('#e-phone')).toBe('This is not a phone number')
    await page.fill('#phone', '13800000000')
    // a real 1600×1200 PNG drawn by the browser itself
    const png = await page.evaluate(() => {
      const c = document.createElement('canvas')
      c.width = 1600
      c.height = 1200
      const g = c.getContext('2d')!
      g.fillStyle = '#c00'
      g.fillRect(0, 0, 800, 600)
      return c.toDataURL('image/png').split(',')[1]!
    })
    await page.setInputFiles('#photo', { name: 'p.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') })
    await page.waitForSelector('#preview:not([hidden])')
    await page.click('#submit')
    await page.waitForSelector('#done:not([hidden])')
    const code = (await page.textContent('#done .code'))!.trim()
    expect(code).toMatch(/^[A-Za-z0-9_-]{16,64}$/)
    await page.screenshot({ path: join(ARTIFACTS, 'report-form.png'), fullPage: true })
    const [m] = await f.store.matters.list('c1', { source: 'resident' })
    expect(m).toMatchObject({
      category: 'fire_passage',
      reporter: { phone: '13800000000' },
      location: { address: 'Building 3, east side' },
    })
    expect(m!.photo).toMatch(/^photo:/)
    const photo = await f.store.matters.photo('c1', m!.photo!.slice('photo:'.length))
    expect(photo!.mediaType).toBe('image/jpeg') // resized on the phone
    await page.click('#done a')
    await page.waitForSelector('ol.timeline')
    expect(await page.textContent('body')).toContain('Your report has been received.')
    expect(errors).toEqual([])
    await context.close()
  })
})
