// Pajek NET files: *Vertices (one- and two-mode), *Arcs, *Edges, *Arcslist, *Edgeslist, *Matrix, several relations.

import { NetworkBuilder } from '../builder.js'
import { ParseError } from '../errors.js'
import type { Network } from '../graph.js'
import { formatNumber } from './csv.js'
import { decodeText, splitLines, tokenize, truncate, type Token } from './text.js'
import { quoteName, TieList } from './tieList.js'
import type { ReadOptions, ReadResult, WriteOptions } from './types.js'

type Section = 'none' | 'vertices' | 'arcs' | 'edges' | 'arcslist' | 'edgeslist' | 'matrix' | 'skip'

/**
 * Reads a Pajek NET file. `*Vertices N` (two-mode: `*Vertices N R`, the first R are rows),
 * vertex lines `k "label" …` (ids are the labels when every vertex has a distinct one, else
 * the numbers), then `*Arcs`/`*Edges` lines `i j [w]`, `*Arcslist`/`*Edgeslist` lines
 * `i j k …`, or `*Matrix` rows. Several relations: `*Arcs :2 "name"` (or repeated blocks with
 * relation numbers). A file with any arcs is directed, and its edges become arcs both ways
 * (reported); `opts.directed` overrides. `%` starts a comment line; keywords in any case.
 *
 * @example
 * const { network } = readPajek('*Vertices 2\n1 "a"\n2 "b"\n*Edges\n1 2 3\n')
 */
export function readPajek(input: string | Uint8Array, opts: ReadOptions = {}): ReadResult {
  const source = opts.source
  const { text, warnings: encWarnings } = decodeText(input, source)
  const lines = splitLines(text)
  let n = -1
  let rows: number | null = null
  const labels: (string | null)[] = []
  let section: Section = 'none'
  let relation = 0
  const relationNames: string[] = []
  const relationByKey = new Map<string, number>()
  const ties = new TieList()
  const kind: number[] = [] // per tie: 1 arc, 0 edge
  let matrixRow = 0
  let sawArcs = false
  let sawEdges = false
  let verticesSeen = 0
  const b = new NetworkBuilder({
    directed: false,
    selfLoops: opts.selfLoops,
    duplicates: opts.duplicates,
    unknownNodes: 'error',
    source,
  })

  const vertex = (t: Token, line: number): number => {
    const v = Number(t.text)
    if (t.quoted || !Number.isInteger(v))
      throw new ParseError(
        'E_NUMBER',
        { source, line, column: t.column },
        `expected a vertex number 1..${n}, got "${truncate(t.text)}"`,
      )
    if (v < 1 || v > n)
      throw new ParseError('E_INDEX', { source, line, column: t.column }, `vertex ${v} is outside 1..${n}`)
    return v - 1
  }
  const value = (t: Token, line: number): number => {
    const v = Number(t.text)
    if (t.quoted || t.text === '' || !Number.isFinite(v))
      throw new ParseError(
        'E_NUMBER',
        { source, line, column: t.column },
        `expected a number as value, got "${truncate(t.text)}"`,
      )
    if (v < 0)
      throw new ParseError(
        'E_WEIGHT',
        { source, line, column: t.column },
        `weight must be a number >= 0, got "${t.text}"`,
      )
    return v
  }
  const useRelation = (toks: Token[], line: number): void => {
    // "*Arcs :2 "name"" or "*Arcs 2 "name"" selects a relation; plain "*Arcs" the default one
    let key = ''
    let name: string | undefined
    for (const t of toks.slice(1)) {
      if (t.quoted) name = t.text
      else key = t.text.replace(/^:/, '')
    }
    if (key !== '' && !/^\d+$/.test(key))
      throw new ParseError(
        'E_SYNTAX',
        { source, line, column: toks[1]!.column },
        `expected a relation number such as ":2", got "${truncate(key)}"`,
      )
    const k = key === '' ? (name ?? '') : `#${key}`
    let r = relationByKey.get(k)
    if (r === undefined) {
      r = relationNames.length
      relationNames.push(name ?? (key === '' ? (opts.relation ?? '') : key))
      relationByKey.set(k, r)
    }
    relation = r
  }

  for (let li = 0; li < lines.length; li++) {
    const raw = lines[li]!
    const line = li + 1
    const trimmed = raw.trim()
    if (trimmed === '' || trimmed.startsWith('%')) continue
    const toks = tokenize(raw, { source, line })
    if (trimmed.startsWith('*')) {
      const kw = toks[0]!.text.toLowerCase()
      if (kw === '*network') {
        section = 'none'
        continue
      }
      if (kw === '*vertices') {
        if (n >= 0) throw new ParseError('E_FORMAT', { source, line }, 'a second *Vertices line; one network per file')
        if (toks.length < 2)
          throw new ParseError('E_SYNTAX', { source, line }, '*Vertices needs the number of vertices')
        n = Number(toks[1]!.text)
        if (!Number.isInteger(n) || n < 0)
          throw new ParseError(
            'E_NUMBER',
            { source, line, column: toks[1]!.column },
            `expected the number of vertices, got "${truncate(toks[1]!.text)}"`,
          )
        if (toks.length >= 3) {
          rows = Number(toks[2]!.text)
          if (!Number.isInteger(rows) || rows < 0 || rows > n)
            throw new ParseError(
              'E_NUMBER',
              { source, line, column: toks[2]!.column },
              `expected the number of row vertices 0..${n}, got "${truncate(toks[2]!.text)}"`,
            )
        }
        for (let k = 0; k < n; k++) labels.push(null)
        section = 'vertices'
        continue
      }
      if (n < 0) throw new ParseError('E_FORMAT', { source, line }, `"${truncate(toks[0]!.text)}" before *Vertices`)
      if (kw === '*arcs' || kw === '*edges' || kw === '*arcslist' || kw === '*edgeslist' || kw === '*matrix') {
        section = kw.slice(1) as Section
        if (kw.startsWith('*arcs') || kw === '*matrix') sawArcs = true
        else sawEdges = true
        useRelation(toks, line)
        matrixRow = 0
        continue
      }
      b.warn('W_IGNORED', { line }, `ignored: the ${truncate(toks[0]!.text)} section (only vertices and ties are read)`)
      section = 'skip'
      continue
    }
    if (section === 'none') {
      throw new ParseError(
        'E_FORMAT',
        { source, line },
        n < 0
          ? 'data before *Vertices; a Pajek file starts with "*Vertices N"'
          : `data outside a section: "${truncate(trimmed)}"`,
      )
    }
    if (section === 'skip') continue
    if (section === 'vertices') {
      const k = vertex(toks[0]!, line)
      verticesSeen++
      if (toks.length >= 2) labels[k] = toks[1]!.text
      continue
    }
    const isArc = section === 'arcs' || section === 'arcslist' || section === 'matrix' ? 1 : 0
    if (section === 'arcs' || section === 'edges') {
      if (toks.length < 2)
        throw new ParseError('E_COUNT', { source, line }, `a tie line holds "from to [value]", got ${toks.length} item`)
      const s = vertex(toks[0]!, line)
      const t = vertex(toks[1]!, line)
      const w = toks.length >= 3 ? value(toks[2]!, line) : 1
      if (toks.length > 3)
        b.warn(
          'W_IGNORED',
          { line, column: toks[3]!.column },
          'ignored: tie attributes after the value (colours, labels, widths)',
        )
      if (w !== 0) {
        ties.push(s, t, w, relation, line, toks[0]!.column)
        kind.push(isArc)
      }
    } else if (section === 'arcslist' || section === 'edgeslist') {
      const s = vertex(toks[0]!, line)
      for (let k = 1; k < toks.length; k++) {
        ties.push(s, vertex(toks[k]!, line), 1, relation, line, toks[k]!.column)
        kind.push(isArc)
      }
    } else if (section === 'matrix') {
      if (matrixRow >= n) throw new ParseError('E_COUNT', { source, line }, `more than ${n} matrix rows`)
      if (toks.length !== n)
        throw new ParseError(
          'E_COUNT',
          { source, line },
          `expected ${n} values in matrix row ${matrixRow + 1}, got ${toks.length}`,
        )
      for (let j = 0; j < n; j++) {
        const w = value(toks[j]!, line)
        if (w !== 0) {
          ties.push(matrixRow, j, w, relation, line, toks[j]!.column)
          kind.push(1)
        }
      }
      matrixRow++
    }
  }
  if (n < 0)
    throw new ParseError(
      lines.every((l) => l.trim() === '') ? 'E_EMPTY' : 'E_FORMAT',
      { source, line: 1 },
      'no *Vertices line: a Pajek file starts with "*Vertices N"',
    )

  // ids: the labels when every vertex has a distinct one, else the vertex numbers
  const distinct = new Set(labels)
  const byLabel = verticesSeen > 0 && labels.every((l) => l !== null && l !== '') && distinct.size === n
  for (let k = 0; k < n; k++) {
    const i = b.addNode(byLabel ? labels[k]! : String(k + 1))
    if (!byLabel && labels[k]) b.setLabel(i, labels[k]!)
  }
  if (relationNames.length === 0) relationNames.push(opts.relation ?? '')
  for (const r of relationNames) b.relation(r)

  const directed = opts.directed ?? sawArcs
  if (sawArcs && sawEdges && opts.directed === undefined)
    b.warn('W_DIRECTION', { line: 1 }, 'the file mixes *Arcs and *Edges: read as directed, every edge as two arcs')
  if (sawArcs && opts.directed === false) b.warn('W_DIRECTION', { line: 1 }, 'arcs read as undirected ties, as asked')
  b.directed = directed
  if (directed && sawEdges) {
    // an edge is two arcs
    const both = new TieList()
    for (let k = 0; k < ties.length; k++) {
      both.push(ties.src[k]!, ties.dst[k]!, ties.w[k]!, ties.rel[k]!, ties.line[k]!, ties.col[k]!)
      if (kind[k] === 0 && ties.src[k] !== ties.dst[k])
        both.push(ties.dst[k]!, ties.src[k]!, ties.w[k]!, ties.rel[k]!, ties.line[k]!, ties.col[k]!)
    }
    both.addTo(b, relationNames, true)
  } else ties.addTo(b, relationNames, directed)
  b.twoModeRows = rows
  const { network, warnings } = b.build()
  return { network, warnings: [...encWarnings, ...warnings] }
}

/**
 * Writes a Pajek NET file: `*Vertices N [R]` with quoted ids, then `*Arcs` or `*Edges`
 * lines `i j w`; several relations as numbered blocks `*Arcs :k "name"`.
 */
export function writePajek(network: Network, opts: WriteOptions = {}): string {
  const graphs =
    opts.relation !== undefined ? network.relations.filter((g) => g.relation === opts.relation) : network.relations
  if (graphs.length === 0) throw new ParseError('E_OPTION', { field: 'relation' }, `no relation "${opts.relation}"`)
  const ids = network.nodes.ids
  const out: string[] = [`*Vertices ${ids.length}${network.twoModeRows !== null ? ` ${network.twoModeRows}` : ''}`]
  ids.forEach((id, k) => out.push(`${k + 1} ${quoteName(id, true)}`))
  const head = network.directed ? '*Arcs' : '*Edges'
  graphs.forEach((g, r) => {
    out.push(graphs.length > 1 || g.relation !== '' ? `${head} :${r + 1} ${quoteName(g.relation, true)}` : head)
    for (let e = 0; e < g.m; e++)
      out.push(`${g.tieSource[e]! + 1} ${g.tieTarget[e]! + 1} ${formatNumber(g.tieWeight[e]!)}`)
    if (g.loops)
      for (let u = 0; u < ids.length; u++) if (g.loops[u]) out.push(`${u + 1} ${u + 1} ${formatNumber(g.loops[u]!)}`)
  })
  return out.join('\n') + '\n'
}
