// Random networks whose names fit line-based formats (DL, Pajek): no line breaks or control characters.

import fc from 'fast-check'
import { NetworkBuilder } from '../builder.js'
import type { Network } from '../graph.js'

const name = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 6 }),
    fc.constantFrom('居委会', 'Street Office', 'a,b', 'x=y', 'say "hi"', '!', ':', '1', '2'),
  )
  .filter((s) => s.trim() === s && s !== '' && ![...s].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127))

/** Random one-mode networks (several relations, weights) or two-mode ones. */
export const lineNetwork = (opts: { twoMode?: boolean } = {}): fc.Arbitrary<Network> =>
  fc
    .record({
      directed: opts.twoMode ? fc.constant(false) : fc.boolean(),
      ids: fc.uniqueArray(name, { minLength: 2, maxLength: 9 }),
      rows: fc.nat(),
      relations: fc.uniqueArray(name, { minLength: 1, maxLength: 3 }),
      ties: fc.array(
        fc.tuple(
          fc.nat(),
          fc.nat(),
          fc.oneof(fc.integer({ min: 1, max: 9 }), fc.double({ min: 0.01, max: 1e6, noNaN: true })),
          fc.nat(),
        ),
        { maxLength: 30 },
      ),
    })
    .map((r) => {
      const n = r.ids.length
      const rows = opts.twoMode ? 1 + (r.rows % (n - 1)) : null
      const b = new NetworkBuilder({ directed: r.directed, twoModeRows: rows, duplicates: 'max' })
      for (const id of r.ids) b.addNode(id)
      for (const rel of r.relations) b.relation(rel)
      for (const [x, y, w, k] of r.ties) {
        let s = x % n
        let t = y % n
        if (rows !== null) {
          s = x % rows
          t = rows + (y % (n - rows))
        }
        if (s !== t) b.addTie(s, t, w, r.relations[k % r.relations.length])
      }
      return b.build().network
    })
