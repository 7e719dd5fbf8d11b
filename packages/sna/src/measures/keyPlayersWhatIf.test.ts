// Key players and what-if on graphs whose answers are known.

import { describe, expect, it } from 'vitest'
import { edges } from '../builder.js'
import { keyPlayers } from './keyPlayers.js'
import { whatIf } from './whatIf.js'

describe('keyPlayers', () => {
  it('removes the bridge to fragment, and picks the centres to reach', () => {
    // two triangles joined through c-x-d
    const g = edges('a-b b-c c-a c-x x-d d-e e-f f-d')
    // removing x leaves two triangles: F = 1 − (6 + 6)/30 = 0.6 (removing c gives 0.53)
    const frag = keyPlayers(g, 1, { goal: 'fragment' })
    expect(frag.set.map((i) => g.nodes.ids[i])).toEqual(['x'])
    expect(frag.score).toBeCloseTo(0.6, 12)
    const reach = keyPlayers(g, 2, { goal: 'reach' })
    expect(reach.set.map((i) => g.nodes.ids[i]).sort()).toEqual(['c', 'd'])
    // c and d reach a, b, x, e, f in one step: full reach
    expect(reach.score).toBeCloseTo(1, 12)
  })
  it('checks k', () => {
    expect(() => keyPlayers(edges('a-b'), 2)).toThrow(RangeError)
  })
})

describe('whatIf', () => {
  it('shows a star losing its broker when the periphery is linked', () => {
    const star = edges('c-a c-b c-d c-e')
    const r = whatIf(
      star,
      {
        add: [
          { source: 1, target: 2 },
          { source: 3, target: 4 },
          { source: 2, target: 3 },
          { source: 4, target: 1 },
        ],
      },
      [0, 1, 1, 1, 1],
    )
    expect(r.before.betweennessCentralization).toBeCloseTo(1, 12)
    expect(r.after.betweennessCentralization!).toBeLessThan(0.5)
    expect(r.before.betweennessShare[0]).toBe(1)
    expect(r.after.betweennessShare[0]!).toBeLessThan(1)
    expect(r.after.density).toBeCloseTo(8 / 10, 12)
    // the centre's group is 0, the rest 1: new ties are all internal to group 1
    expect(r.after.eiIndex!).toBeLessThan(r.before.eiIndex!)
    expect(r.graph.m).toBe(8)
  })
  it('removes ties and reports impossible changes', () => {
    const g = edges('a-b b-c')
    const r = whatIf(g, {
      remove: [
        { source: 1, target: 0 },
        { source: 0, target: 2 },
      ],
      add: [{ source: 1, target: 2, weight: 3 }],
    })
    expect(r.graph.m).toBe(1)
    expect(r.graph.weight(1, 2)).toBe(3)
    expect(r.notes.length).toBe(2)
  })
})
