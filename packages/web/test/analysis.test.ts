// The browser analysis engine (run directly and through the worker client), and the figure's view-model.

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { analyze, betweenness, readDl } from '@cosafe/sna'
import { describe, expect, it } from 'vitest'
import { AnalysisClient, AnalysisError, type WorkerLike } from '../src/analysis/client.js'
import { Engine, throttle, toWorkerError } from '../src/analysis/engine.js'
import {
  buildViewGraph,
  categoryColours,
  egoDistances,
  egoIds,
  egoLayout,
  nodeSizes,
  ringLayout,
  tiesOf,
  toSvg,
} from '../src/analysis/graphView.js'
import { nodeMeasuresCsv } from '../src/analysis/export.js'
import type { Reply } from '../src/analysis/protocol.js'

const fixture = (name: string): Uint8Array =>
  readFileSync(fileURLToPath(new URL(`../../sna/test/fixtures/data/${name}/${name}.dl`, import.meta.url)))
const bytes = (u: Uint8Array): ArrayBuffer => new Uint8Array(u).buffer as ArrayBuffer

/** A two-relation cosafe JSON as the server sends it (with its filter). */
const community = {
  directed: true,
  relations: ['INFO', 'JOINT_ACTION'],
  nodes: [
    { id: 'rc', label: '居委会', sector: 'Q' },
    { id: 'ps', label: '派出所', sector: 'G' },
    { id: 'pc', label: '物业公司', sector: 'M' },
    { id: 'oc', label: '业委会', sector: 'O' },
  ],
  edges: [
    { source: 'rc', target: 'ps', weight: 2, relation: 'INFO' },
    { source: 'rc', target: 'ps', weight: 3, relation: 'JOINT_ACTION' },
    { source: 'ps', target: 'rc', weight: 3, relation: 'JOINT_ACTION' },
    { source: 'rc', target: 'pc', relation: 'INFO' },
    { source: 'pc', target: 'oc', relation: 'JOINT_ACTION' },
    { source: 'oc', target: 'pc', relation: 'JOINT_ACTION' },
  ],
  filter: { relations: ['INFO', 'JOINT_ACTION'], activities: 3, ties: 2, from: null, to: null },
}

describe('the analysis engine', () => {
  it('reads a UCINET DL file and gives the library’s measures with a layout', () => {
    const e = new Engine()
    const stages: string[] = []
    const data = e.load('k', { kind: 'file', name: 'karate.dl', bytes: bytes(fixture('karate')) }, (p) =>
      stages.push(p.stage),
    )
    expect(data.format).toBe('dl')
    expect(data.ids).toHaveLength(34)
    expect(data.ties.source).toHaveLength(78)
    const a = e.analyse({ kind: 'analyse', key: 'k', layout: true }, (p) => stages.push(p.stage))
    const g = readDl(fixture('karate')).network.graph
    expect(Array.from(a.nodes.betweenness!)).toEqual(Array.from(betweenness(g)))
    expect(a.network.density).toBeCloseTo(analyze(g).network.density!, 12)
    expect(a.layout).toHaveLength(68)
    expect(a.notes).toEqual([])
    expect(stages).toContain('read')
    expect(stages).toContain('paths')
    expect(stages).toContain('layout')
  })

  it('merges relations by summing their values and drops the server’s members without warning', () => {
    const e = new Engine()
    const data = e.load('c', { kind: 'json', document: community })
    expect(data.relations).toEqual(['INFO', 'JOINT_ACTION'])
    expect(data.warnings.map((w) => w.code)).not.toContain('W_IGNORED')
    expect(data.attributes.sector).toEqual(['Q', 'G', 'M', 'O'])
    const merged = e.graph('c')
    expect(merged.m).toBe(5) // rc→ps, ps→rc, rc→pc, pc→oc, oc→pc
    const rcPs = merged.outTargets.subarray(merged.outOffsets[0]!, merged.outOffsets[1]!)
    const k = Array.from(rcPs).indexOf(1)
    expect(merged.outWeights[merged.outOffsets[0]! + k]).toBe(5)
    const info = e.analyse({ kind: 'analyse', key: 'c', relations: ['INFO'], measures: ['outDegree', 'density'] })
    expect(Array.from(info.nodes.outDegree!)).toEqual([2, 0, 0, 0])
    const all = e.analyse({ kind: 'analyse', key: 'c', attribute: 'sector', measures: ['density'] })
    expect(all.groups).toMatchObject({ attribute: 'sector', external: 5, internal: 0, ei: 1 })
    expect(() => e.analyse({ kind: 'analyse', key: 'c', relations: ['COMMAND'] })).toThrow(/no relation "COMMAND"/)
  })

  it('reports a malformed file with its code, line and reason', () => {
    const e = new Engine()
    const bad = new TextEncoder().encode('dl n=3\nformat = fullmatrix\ndata:\n0 1 x\n1 0 1\n1 1 0\n')
    let err: unknown
    try {
      e.load('bad', { kind: 'file', name: 'bad.dl', bytes: bytes(bad) })
    } catch (x) {
      err = x
    }
    const w = toWorkerError(err)
    expect(w.kind).toBe('parse')
    expect(w.code).toBe('E_NUMBER')
    expect(w.where).toMatchObject({ source: 'bad.dl', line: 4 })
    expect(toWorkerError(new RangeError('no actor "x"'))).toEqual({ kind: 'input', message: 'no actor "x"' })
  })

  it('answers structure reports and what-ifs by actor id', () => {
    const e = new Engine()
    e.load('c', { kind: 'json', document: community })
    const cp = e.structure({ kind: 'structure', key: 'c', report: 'corePeriphery' })
    expect([...(cp.core as string[]), ...(cp.periphery as string[])].sort()).toEqual(['oc', 'pc', 'ps', 'rc'])
    const ego = e.structure({ kind: 'structure', key: 'c', report: 'ego', options: { id: 'rc' } })
    expect((ego.alters as string[]).sort()).toEqual(['pc', 'ps'])
    const w = e.whatIf({ kind: 'whatIf', key: 'c', add: [['oc', 'ps']], attribute: 'sector' })
    const density = w.measures.find((m) => m.key === 'density')!
    expect(density.before).toBeCloseTo(5 / 12, 12)
    expect(density.after).toBeCloseTo(6 / 12, 12)
    expect(w.measures.some((m) => m.key === 'eiIndex')).toBe(true)
    expect(w.nodes.oc!.before.outDegree).toBe(1)
    expect(w.nodes.oc!.after!.outDegree).toBe(2)
    const gone = e.whatIf({ kind: 'whatIf', key: 'c', removeActors: ['pc'] })
    expect(gone.nodes.pc!.after).toBeNull()
    expect(() => e.whatIf({ kind: 'whatIf', key: 'c', add: [['oc', 'zz']] })).toThrow(/no actor "zz"/)
  })

  it('estimates betweenness and leaves out the other path measures on a network too large to sweep', () => {
    const n = 400
    const edges = Array.from({ length: n }, (_, i) => ({ source: `a${i}`, target: `a${(i + 1) % n}` }))
    edges.push({ source: 'a0', target: 'a200' })
    const doc = { directed: false, edges }
    const measures = ['betweenness', 'closeness', 'degree', 'diameter']
    const exact = new Engine()
    exact.load('ring', { kind: 'json', document: doc })
    const x = exact.analyse({ kind: 'analyse', key: 'ring', measures })
    expect(x.notes).toEqual([])
    const small = new Engine({ pathWorkLimit: n * n })
    small.load('ring', { kind: 'json', document: doc })
    const a = small.analyse({ kind: 'analyse', key: 'ring', measures })
    expect(a.notes.map((note) => note.code)).toEqual(['pathMeasuresSkipped', 'approximateBetweenness'])
    expect(a.nodes.closeness).toBeUndefined()
    expect(a.network.diameter).toBeUndefined()
    expect(Array.from(a.nodes.degree!)).toEqual(Array.from(x.nodes.degree!))
    const note = a.notes[1] as { errorBound: number }
    let worst = 0
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(a.nodes.betweenness![i]! - x.nodes.betweenness![i]!))
    expect(worst).toBeLessThanOrEqual(note.errorBound)
  })

  it('throttles progress but always passes the end of a stage and a new stage', () => {
    let t = 0
    const seen: string[] = []
    const p = throttle(
      (x) => seen.push(`${x.stage}:${x.done}`),
      100,
      () => t,
    )
    p({ stage: 'paths', done: 0, total: 10 })
    t = 10
    p({ stage: 'paths', done: 1, total: 10 })
    t = 200
    p({ stage: 'paths', done: 2, total: 10 })
    p({ stage: 'paths', done: 10, total: 10 })
    p({ stage: 'layout', done: 0, total: 1 })
    expect(seen).toEqual(['paths:0', 'paths:2', 'paths:10', 'layout:0'])
  })
})

/** A worker that runs the engine on the next tick; `hold` keeps analyses unanswered (a long sweep). */
function fakeWorkers(hold = false) {
  const made: { worker: WorkerLike; received: string[]; terminated: boolean }[] = []
  const factory = (): WorkerLike => {
    const engine = new Engine()
    const rec = { received: [] as string[], terminated: false, worker: null as unknown as WorkerLike }
    // a real worker answers in order: once a request is held, the ones after it wait too
    let blocked = false
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      terminate: () => void (rec.terminated = true),
      postMessage: (m: unknown) => {
        const { id, request } = m as { id: number; request: { kind: string } }
        rec.received.push(request.kind)
        if (hold && request.kind === 'analyse' && made.length === 1) blocked = true
        if (blocked) return
        setTimeout(() => {
          if (rec.terminated) return
          let reply: Reply
          try {
            const result = engine.run(request as never, (progress) =>
              w.onmessage?.({ data: { id, type: 'progress', progress } } as MessageEvent<Reply>),
            )
            reply = { id, type: 'done', result }
          } catch (e) {
            reply = { id, type: 'error', error: toWorkerError(e) }
          }
          w.onmessage?.({ data: reply } as MessageEvent<Reply>)
        }, 0)
      },
    }
    rec.worker = w
    made.push(rec)
    return w
  }
  return { made, factory }
}

describe('the worker client', () => {
  it('resolves requests with results and reports progress', async () => {
    const { factory } = fakeWorkers()
    const c = new AnalysisClient(factory)
    const data = await c.load('c', { kind: 'json', document: community })
    expect(data.ids).toEqual(['rc', 'ps', 'pc', 'oc'])
    const stages = new Set<string>()
    const a = await c.analyse({ key: 'c', measures: ['betweenness'] }, { onProgress: (p) => stages.add(p.stage) })
    expect(a.nodes.betweenness).toBeInstanceOf(Float64Array)
    expect(stages.has('measures')).toBe(true)
    await expect(c.analyse({ key: 'c', relations: ['NOPE'] })).rejects.toBeInstanceOf(AnalysisError)
  })

  it('cancels a running request by restarting the worker, and loads the network again for the next one', async () => {
    const { made, factory } = fakeWorkers(true)
    const c = new AnalysisClient(factory)
    await c.load('c', { kind: 'json', document: community })
    const ctl = new AbortController()
    const running = c.analyse({ key: 'c' }, { signal: ctl.signal })
    const waiting = c.structure({ key: 'c', report: 'corePeriphery' })
    await new Promise((r) => setTimeout(r, 5))
    ctl.abort()
    await expect(running).rejects.toMatchObject({ name: 'AbortError' })
    expect(made[0]!.terminated).toBe(true)
    // the waiting request went to the new worker, after the network was loaded there again
    const cp = await waiting
    expect((cp.core as string[]).length + (cp.periphery as string[]).length).toBe(4)
    expect(made).toHaveLength(2)
    expect(made[1]!.received).toEqual(['load', 'structure'])
    const after = await c.analyse({ key: 'c', measures: ['density'] })
    expect(after.network.density).toBeCloseTo(5 / 12, 12)
  })

  it('refuses a request whose signal is already aborted without sending it', async () => {
    const { made, factory } = fakeWorkers()
    const c = new AnalysisClient(factory)
    const ctl = new AbortController()
    ctl.abort()
    await expect(c.analyse({ key: 'c' }, { signal: ctl.signal })).rejects.toMatchObject({ name: 'AbortError' })
    expect(made).toHaveLength(0)
  })
})

describe('the figure', () => {
  const e = new Engine()
  const data = e.load('c', { kind: 'json', document: community })
  const xy = [0, 0, 1, 0, 0, 1, 1, 1]

  it('draws one edge per tied pair of the relations shown, sized by value, coloured by sector', () => {
    const g = buildViewGraph(data, { positions: xy, colourBy: 'sector', sizeBy: [4, 1, 2, NaN] })
    expect(g.order).toBe(4)
    expect(g.size).toBe(5)
    expect(g.getEdgeAttribute(g.edge('rc', 'ps')!, 'weight')).toBe(5)
    expect(g.getEdgeAttribute(g.edge('rc', 'ps')!, 'relations')).toEqual(['INFO', 'JOINT_ACTION'])
    expect(g.getNodeAttribute('rc', 'color')).toBe('#d4380d')
    expect(g.getNodeAttribute('rc', 'size')).toBeGreaterThan(g.getNodeAttribute('pc', 'size'))
    expect(g.getNodeAttribute('oc', 'value')).toBeNull()
    const info = buildViewGraph(data, { positions: xy, relations: ['INFO'] })
    expect(info.size).toBe(2)
    const ego = buildViewGraph(data, { positions: xy, only: egoIds(data, 'oc') })
    expect(ego.nodes().sort()).toEqual(['oc', 'pc'])
    expect(egoIds(data, 'oc', 2)).toEqual(new Set(['oc', 'pc', 'rc']))
    const d = egoDistances(data, 'oc', 2)
    expect([...d]).toEqual([
      ['oc', 0],
      ['pc', 1],
      ['rc', 2],
    ])
    const e = egoLayout(data.ids, d)
    const at = (i: number): number => Math.hypot(e[2 * i]! - 0.5, e[2 * i + 1]! - 0.5)
    expect(at(3)).toBe(0) // oc in the middle
    expect(at(2)).toBeCloseTo(0.24, 9) // pc on the inner ring
    expect(at(0)).toBeCloseTo(0.48, 9) // rc on the outer ring
  })

  it('lists an actor’s ties with direction and relation', () => {
    expect(tiesOf(data, 'pc')).toEqual([
      { partner: 'rc', direction: 'in', relation: 'INFO', weight: 1 },
      { partner: 'oc', direction: 'out', relation: 'JOINT_ACTION', weight: 1 },
      { partner: 'oc', direction: 'in', relation: 'JOINT_ACTION', weight: 1 },
    ])
  })

  it('sizes, colours and ring positions', () => {
    expect(Array.from(nodeSizes([0, 1, NaN], 3, 4, 16))).toEqual([4, 16, 4])
    expect(Array.from(nodeSizes([0, 1], 2))).toEqual([5, 20])
    expect(Array.from(nodeSizes([2, 2], 2, 4, 16))).toEqual([10, 10])
    const c = categoryColours(['x', 'y', null, 'x'])
    expect(c.size).toBe(3)
    expect(c.get('')).toBe('#8c8c8c')
    const ring = ringLayout(['a', 'b', 'c', 'd'], new Set(['a', 'b']))
    const r = (i: number): number => Math.hypot(ring[2 * i]! - 0.5, ring[2 * i + 1]! - 0.5)
    expect(r(0)).toBeCloseTo(0.18, 9)
    expect(r(2)).toBeCloseTo(0.48, 9)
  })

  it('exports an SVG with every actor and tie, and the measures as CSV', () => {
    const g = buildViewGraph(data, { positions: xy, colourBy: 'sector' })
    const svg = toSvg(g, { title: 'C <社区>', legend: [{ colour: '#1677ff', text: '政府' }] })
    expect(svg.match(/<circle /g)).toHaveLength(4 + 1)
    expect(svg.match(/<line /g)).toHaveLength(5)
    expect(svg).toContain('C &lt;社区&gt;')
    expect(svg).toContain('marker-end')
    const csv = nodeMeasuresCsv(['a', 'b'], ['A, Inc.', 'B'], [{ header: 'degree', values: [1, NaN] }])
    expect(csv).toBe('\uFEFFid,label,degree\r\na,"A, Inc.",1\r\nb,B,\r\n')
  })
})
