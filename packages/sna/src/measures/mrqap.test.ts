// MRQAP: least-squares estimates against a direct computation, and permutation p-values that behave.

import { describe, expect, it } from 'vitest'
import { edges } from '../builder.js'
import { readCsv } from '../io/csv.js'
import { fixture } from '../../test/reference.js'
import { qapCorrelation } from './groups.js'
import { mrqap } from './mrqap.js'

const read = (name: string) => readCsv(fixture(`data/${name}/${name}.csv`), { directed: true }).network.graph

describe('mrqap', () => {
  it('with one predictor, the slope and R² follow the QAP correlation', () => {
    const m = readCsv(fixture('data/florentine-marriage/florentine-marriage.csv'), {
      nodes: fixture('data/florentine-marriage/florentine-marriage.nodes.csv'),
    }).network.graph
    const b = readCsv(fixture('data/florentine-business/florentine-business.csv'), {
      nodes: fixture('data/florentine-business/florentine-business.nodes.csv'),
    }).network.graph
    const r = mrqap(m, [b], { permutations: 200, seed: 1 })
    const rho = qapCorrelation(
      m,
      b,
      m.nodes.ids.map((id) => b.nodes.get(id)),
    )
    expect(r.r2).toBeCloseTo(rho * rho, 10)
    expect(r.observations).toBe(16 * 15)
    expect(r.coefficients[1]!.estimate).toBeGreaterThan(0)
    expect(r.coefficients[1]!.pGreater).toBeLessThan(0.05)
  })
  it('recovers exact coefficients when y is a combination of the predictors', () => {
    // y = 2·x1 + 1·x2 on the same nodes: a perfect fit
    const x1 = edges('a->b b->c c->a a->d', { directed: true })
    const x2 = edges('a b c d b->a c->d d->a a->b', { directed: true })
    // y's weights are 2·x1 + x2 cell by cell
    const cellsY: [string, string, number][] = [
      ['a', 'b', 3],
      ['b', 'c', 2],
      ['c', 'a', 2],
      ['a', 'd', 2],
      ['b', 'a', 1],
      ['c', 'd', 1],
      ['d', 'a', 1],
    ]
    const y = edges(cellsY.map(([s, t, w]) => `${s}->${t}:${w}`).join(' '), { directed: true })
    const r = mrqap(y, [x1, x2], { permutations: 50, seed: 2, weight: true })
    expect(r.coefficients[0]!.estimate).toBeCloseTo(0, 10)
    expect(r.coefficients[1]!.estimate).toBeCloseTo(2, 10)
    expect(r.coefficients[2]!.estimate).toBeCloseTo(1, 10)
    expect(r.r2).toBeCloseTo(1, 10)
  })
  it('gives the governance information network a significant effect on collaboration, reproducibly', () => {
    const y = read('governance')
    const x = read('governance-info')
    const a = mrqap(y, [x], { permutations: 300, seed: 9 })
    expect(a.coefficients[1]!.pTwoSided).toBeLessThan(0.01)
    expect(mrqap(y, [x], { permutations: 300, seed: 9 })).toEqual(a)
  })
  it('refuses collinear predictors', () => {
    const x = edges('a->b b->c', { directed: true })
    expect(() => mrqap(x, [x, x], { permutations: 10 })).toThrow(/collinear/)
  })
})
