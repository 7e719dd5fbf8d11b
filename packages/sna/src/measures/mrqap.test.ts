// MRQAP: least-squares estimates against a direct computation, and permutation p-values that behave.

import { describe, expect, it } from 'vitest'
import { edges, NetworkBuilder } from '../builder.js'
import type { Graph } from '../graph.js'
import { readCsv } from '../io/csv.js'
import { fixture } from '../../test/reference.js'
import { qapCorrelation } from './groups.js'
import { mrqap } from './mrqap.js'
import { rng } from './slow.test-util.js'
import { randomGraph } from './structure.test-util.js'

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

/** Solves M z = b by Gauss–Jordan elimination with partial pivoting (M small and square). */
function solve(M: number[][], b: number[]): number[] {
  const p = b.length
  const A = M.map((row, i) => [...row, b[i]!])
  for (let c = 0; c < p; c++) {
    let piv = c
    for (let r = c + 1; r < p; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[piv]![c]!)) piv = r
    ;[A[c], A[piv]] = [A[piv]!, A[c]!]
    for (let r = 0; r < p; r++) {
      if (r === c) continue
      const f = A[r]![c]! / A[c]![c]!
      for (let k = c; k <= p; k++) A[r]![k]! -= f * A[c]![k]!
    }
  }
  return A.map((row, i) => row[p]! / row[i]!)
}

/** OLS with an intercept by the normal equations: β = (XᵀX)⁻¹Xᵀy, se_a = √(s² [(XᵀX)⁻¹]_aa). */
function naiveOls(y: number[], xs: number[][]): { beta: number[]; se: number[]; sse: number } {
  const N = y.length
  const X = y.map((_, r) => [1, ...xs.map((x) => x[r]!)])
  const p = X[0]!.length
  const XtX = Array.from({ length: p }, (_, a) =>
    Array.from({ length: p }, (__, b) => X.reduce((t, row) => t + row[a]! * row[b]!, 0)),
  )
  const Xty = Array.from({ length: p }, (_, a) => X.reduce((t, row, r) => t + row[a]! * y[r]!, 0))
  const beta = solve(XtX, Xty)
  const sse = X.reduce((t, row, r) => t + (y[r]! - row.reduce((f, x, a) => f + x * beta[a]!, 0)) ** 2, 0)
  const s2 = sse / (N - p)
  const se = Array.from({ length: p }, (_, a) => {
    const unit = Array.from({ length: p }, (__, b) => (a === b ? 1 : 0))
    return Math.sqrt(s2 * solve(XtX, unit)[a]!)
  })
  return { beta, se, sse }
}

/** Cells (i, j), i≠j, row by row, of a relation matched to the node ids of `order`. */
function cellsOf(g: Graph, order: readonly string[], weight: boolean): number[] {
  const out: number[] = []
  for (const a of order)
    for (const b of order) {
      if (a === b) continue
      const w = g.weight(g.nodes.get(a), g.nodes.get(b))
      out.push(weight ? w : w > 0 ? 1 : 0)
    }
  return out
}

/** A copy of g with its nodes listed in reverse order (same ids and ties). */
function reversed(g: Graph): Graph {
  const b = new NetworkBuilder({ directed: g.directed })
  for (let i = g.n - 1; i >= 0; i--) b.addNode(g.nodes.ids[i]!)
  for (let e = 0; e < g.m; e++) b.addTie(g.nodes.ids[g.tieSource[e]!]!, g.nodes.ids[g.tieTarget[e]!]!, g.tieWeight[e]!)
  return b.build().network.graph
}

describe('mrqap against ordinary least squares written out', () => {
  it('gives the estimates, errors, t-values and R² of the normal equations', () => {
    for (let s = 1; s <= 6; s++) {
      const weight = s % 2 === 0
      const y = randomGraph(1300 + s, 8, 0.4, s % 3 !== 0, true)
      const xs = [randomGraph(1400 + s, 8, 0.4, true, true), reversed(randomGraph(1500 + s, 8, 0.5, false, true))]
      const r = mrqap(y, xs, { permutations: 5, seed: 1, weight })
      const ids = y.nodes.ids
      const Y = cellsOf(y, ids, weight)
      const fit = naiveOls(
        Y,
        xs.map((x) => cellsOf(x, ids, weight)),
      )
      const mean = Y.reduce((t, v) => t + v, 0) / Y.length
      const sst = Y.reduce((t, v) => t + (v - mean) ** 2, 0)
      expect(r.observations).toBe(Y.length)
      r.coefficients.forEach((c, a) => {
        expect(c.estimate).toBeCloseTo(fit.beta[a]!, 10)
        expect(c.standardError).toBeCloseTo(fit.se[a]!, 10)
        expect(c.t).toBeCloseTo(fit.beta[a]! / fit.se[a]!, 8)
      })
      expect(r.r2).toBeCloseTo(1 - fit.sse / sst, 10)
      expect(r.adjustedR2).toBeCloseTo(1 - ((fit.sse / sst) * (Y.length - 1)) / (Y.length - 3), 10)
    }
  })
  it("computes Dekker's semi-partialling p-values as a plain loop with the same generator would", () => {
    const y = randomGraph(1601, 7, 0.4, true)
    const xs = [randomGraph(1602, 7, 0.4, true), randomGraph(1603, 7, 0.3, true), randomGraph(1604, 7, 0.5, true)]
    const permutations = 60
    const r = mrqap(y, xs, { permutations, seed: 5 })
    const n = y.n
    const ids = y.nodes.ids
    const Y = cellsOf(y, ids, false)
    const X = xs.map((x) => cellsOf(x, ids, false))
    const cell = (i: number, j: number): number => i * (n - 1) + (j < i ? j : j - 1) // index of (i, j), i≠j
    const next = rng(5)
    X.forEach((xk, k) => {
      const others = X.filter((_, j) => j !== k)
      // the part of X_k the other predictors do not explain, as an n × n matrix
      const aux = naiveOls(xk, others)
      const resid = xk.map((v, c) => v - aux.beta[0]! - others.reduce((t, o, j) => t + aux.beta[j + 1]! * o[c]!, 0))
      const full = naiveOls(Y, X)
      const tObs = full.beta[k + 1]! / full.se[k + 1]!
      const ts: number[] = []
      for (let q = 0; q < permutations; q++) {
        const perm = [...Array(n).keys()]
        for (let i = n - 1; i > 0; i--) {
          const j = Math.floor(next() * (i + 1))
          ;[perm[i], perm[j]] = [perm[j]!, perm[i]!]
        }
        const permuted: number[] = []
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) if (i !== j) permuted.push(resid[cell(perm[i]!, perm[j]!)]!)
        const f = naiveOls(Y, [...others, permuted])
        ts.push(f.beta[3]! / f.se[3]!)
      }
      const eps = 1e-10 * Math.max(1, Math.abs(tObs))
      const c = r.coefficients[k + 1]!
      expect(c.t).toBeCloseTo(tObs, 8)
      expect(c.pGreater).toBe(ts.filter((t) => t >= tObs - eps).length / permutations)
      expect(c.pLess).toBe(ts.filter((t) => t <= tObs + eps).length / permutations)
      expect(c.pTwoSided).toBe(ts.filter((t) => Math.abs(t) >= Math.abs(tObs) - eps).length / permutations)
    })
    expect(mrqap(y, xs, { permutations, seed: 5 })).toEqual(r)
  })
})
