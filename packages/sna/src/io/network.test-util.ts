// Test helpers for the network readers and writers: random networks, full equality, expected ParseErrors.

import fc from 'fast-check'
import { expect } from 'vitest'
import { NetworkBuilder } from '../builder.js'
import { ParseError } from '../errors.js'
import type { Network } from '../graph.js'
import { sameNetwork } from './roundtrip.test-util.js'
import { isXmlSafe } from './xml.js'

/** Runs fn and returns the ParseError it throws (fails the test otherwise). */
export function fail(fn: () => unknown): ParseError {
  try {
    fn()
  } catch (e) {
    if (e instanceof ParseError) return e
    throw new Error(`expected a ParseError, got ${String(e)}`)
  }
  throw new Error('expected a ParseError, got a result')
}

/** Asserts that two networks are equal, including node order, labels and attribute columns. */
export function sameFull(back: Network, net: Network): void {
  sameNetwork(back, net)
  expect(back.nodes.ids).toEqual(net.nodes.ids)
  expect(back.nodes.labels).toEqual(net.nodes.labels)
  expect([...back.nodes.attributes.keys()]).toEqual([...net.nodes.attributes.keys()])
  for (const [name, col] of net.nodes.attributes) expect(back.nodes.attribute(name), name).toEqual(col)
}

/** Random networks with odd ids and labels, typed attribute columns, weights and relations. */
export const networkArbitrary = (xmlSafe: boolean): fc.Arbitrary<Network> => {
  const text = fc
    .oneof(
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.constantFrom('&', '<a>', '"q"', "'", ' x ', '\t', 'a\nb', 'c\r\nd', 'e\rf', ']]>', '中文', '', 'label'),
    )
    .filter((s) => !xmlSafe || isXmlSafe(s))
  const num = fc
    .oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(2 ** 40))
    .map((x) => (Object.is(x, -0) ? 0 : x))
  return fc
    .record({
      directed: fc.boolean(),
      ids: fc.uniqueArray(
        text.filter((s) => s !== ''),
        { maxLength: 10 },
      ),
      labels: fc.array(fc.option(text), { minLength: 10, maxLength: 10 }),
      sector: fc.array(fc.option(text), { minLength: 10, maxLength: 10 }),
      size: fc.array(fc.option(num), { minLength: 10, maxLength: 10 }),
      count: fc.array(fc.option(fc.integer({ min: -5, max: 5 })), { minLength: 10, maxLength: 10 }),
      relations: fc.uniqueArray(text, { minLength: 1, maxLength: 3 }),
      ties: fc.array(
        fc.tuple(
          fc.nat(),
          fc.nat(),
          fc.oneof(fc.integer({ min: 1, max: 5 }), fc.double({ min: 0.001, max: 1e6, noNaN: true })),
          fc.nat(),
        ),
        { maxLength: 25 },
      ),
    })
    .map((r) => {
      const b = new NetworkBuilder({ directed: r.directed })
      const n = r.ids.length
      r.ids.forEach((id, i) => {
        b.addNode(id)
        b.setLabel(i, r.labels[i] ?? null)
        b.setAttribute(i, 'sector', r.sector[i] ?? null)
        b.setAttribute(i, 'size', r.size[i] ?? null)
        b.setAttribute(i, 'count', r.count[i] ?? null)
      })
      if (n > 0) {
        for (const [s, t, w, rel] of r.ties) {
          if (s % n !== t % n) b.addTie(s % n, t % n, w, r.relations[rel % r.relations.length])
        }
      }
      return b.build().network
    })
}
