import { describe, expect, it } from 'vitest'
import { withDefaults } from './options.js'
import { eiTest } from './measures/permutation.js'
import { edges } from './builder.js'

describe('withDefaults', () => {
  it('keeps a default when the option is given as undefined', () => {
    expect(withDefaults({ seed: 1, restarts: 20 }, { seed: undefined, restarts: 3 })).toEqual({ seed: 1, restarts: 3 })
    expect(withDefaults({ seed: 1 }, { extra: 'x' })).toEqual({ seed: 1, extra: 'x' })
  })
  it('lets callers pass through optional settings (a permutation test with seed: undefined)', () => {
    const g = edges('a-b b-c c-d')
    const r = eiTest(g, [0, 0, 1, 1], { permutations: undefined, seed: undefined })
    expect(r.permutations).toBe(1000)
  })
})
