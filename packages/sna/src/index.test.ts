// The public door of @cosafe/sna: its export list (snapshot, so API changes show in review) and its robustness.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as sna from './index.js'

describe('@cosafe/sna exports', () => {
  it('has a reviewed export list', async () => {
    expect(Object.keys(await import('./index.js')).sort()).toMatchSnapshot()
  })
  it('has Chinese and English text for every error and warning code', () => {
    for (const code of [...Object.keys(sna.ERROR_CODES), ...Object.keys(sna.WARNING_CODES)]) {
      const c = code as sna.ErrorCode
      expect(sna.describeCode(c, 'en')).not.toBe(code)
      expect(sna.describeCode(c, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/)
    }
  })
  it('explains every measure in both languages', () => {
    for (const k of [...sna.NODE_MEASURES, ...sna.NETWORK_MEASURES]) {
      const t = sna.MEASURE_INFO[k]
      expect(t.en && t.zh && t.explainEn && t.explainZh).toBeTruthy()
    }
  })
})

describe('readNetwork on arbitrary input', () => {
  const formats = sna.FORMATS.map((f) => f.name)
  it('yields a network or a ParseError, never another exception', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.uint8Array({ maxLength: 300 }),
          fc.constantFrom(
            'dl n=3\nformat=fullmatrix\ndata:\n0 1\n',
            '*Vertices 2\n1 "a"\n*Arcs\n1 3\n',
            '<graphml><graph>',
            '{"nodes":[{"id":1}]',
          ),
        ),
        fc.constantFrom(undefined, ...formats),
        fc.boolean(),
        (input, format, directed) => {
          try {
            const { network } = sna.readNetwork(input, { format, directed, source: 'fuzz' })
            expect(network.nodes.size).toBeGreaterThanOrEqual(0)
          } catch (e) {
            if (!sna.isParseError(e)) throw e
            expect(e.code in sna.ERROR_CODES).toBe(true)
          }
        },
      ),
      { numRuns: 1500 },
    )
  })
})
