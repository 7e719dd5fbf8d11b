// cosafe JSON: the library's own lossless network format (nodes with attributes, weighted ties, relations, direction, two-mode rows).

/**
 * # The cosafe JSON network format
 *
 * One JSON object (UTF-8; a BOM, UTF-16 with BOM and GB18030 bytes are also read):
 *
 * ```json
 * {
 *   "directed": true,
 *   "relations": ["INFO", "COMMAND"],
 *   "nodes": [
 *     {"id": "street_office", "label": "Street Office", "sector": "government", "staff": 12},
 *     {"id": "police_station", "label": "Police Station", "sector": "government", "staff": null},
 *     {"id": "volunteers"}
 *   ],
 *   "edges": [
 *     {"source": "street_office", "target": "police_station", "weight": 3, "relation": "INFO"},
 *     {"source": "police_station", "target": "volunteers", "relation": "COMMAND"}
 *   ]
 * }
 * ```
 *
 * Fields (all names are case-sensitive):
 *
 * - `directed` (boolean): direction of every tie. Optional; when absent the network is
 *   undirected (reported as W_DIRECTION). ReadOptions.directed overrides it.
 * - `nodes` (array, optional): the node set in order. Each node is an object with `id` (string;
 *   a number is accepted and read as its decimal text), an optional `label` (string or null)
 *   and any other members as node attributes, each a string, a number or null (missing members
 *   are null). Ids must be unique. Without `nodes`, the edges define the nodes in order of first
 *   appearance; with `nodes`, an edge naming another node is an error (E_UNKNOWN_NODE) unless
 *   ReadOptions.unknownNodes is 'create'.
 * - `edges` (array, optional): ties, each an object with `source` and `target` (node ids,
 *   string or number), optional `weight` (number >= 0, default 1; 0 means no tie) and optional
 *   `relation` (string). Undirected ties are listed once. Other members are not kept
 *   (W_ATTRIBUTE). At least one of `nodes` and `edges` must be present.
 * - `relations` (array of distinct strings, optional): the relations in order, including ones
 *   without ties. When given, every edge's relation must be one of them and an edge without
 *   `relation` belongs to the first. Without it, relations appear in order of first use and an
 *   edge without `relation` belongs to the relation '' (or ReadOptions.relation).
 * - `twoMode` (object or null, optional): `{"rows": R}` marks a two-mode (affiliation) network
 *   whose first R nodes are the rows and the others the columns; every tie must join a row and a
 *   column. Needs `nodes`. For example:
 *   `{"directed": false, "twoMode": {"rows": 2}, "nodes": [{"id": "Ann"}, {"id": "Bo"}, {"id": "Meeting"}],
 *   "edges": [{"source": "Ann", "target": "Meeting"}, {"source": "Bo", "target": "Meeting"}]}`
 *
 * Other top-level members are ignored (W_IGNORED). Errors: invalid JSON is E_JSON with line and
 * column; a member of the wrong type is E_FIELD naming its path, e.g. `edges[3].weight`; a
 * negative weight is E_WEIGHT, a repeated node id E_DUPLICATE_NODE, both with the path.
 * Duplicate ties and self-loops follow ReadOptions (default: summed, dropped; both reported).
 *
 * writeJson writes this format pretty-printed (2-space indentation, one node or edge per line),
 * with `weight` on every edge only when some weight differs from 1, and `relations` and each
 * edge's `relation` only when there are several relations or one with a name. Node attributes
 * named `id` or `label` cannot be written (E_UNSUPPORTED); non-finite numbers are written as null.
 *
 * @module
 */

import { NetworkBuilder } from '../builder.js'
import { ParseError, type Location } from '../errors.js'
import type { AttributeValue, Network } from '../graph.js'
import { asTwoMode } from '../twoMode.js'
import { selectRelations, weightType } from './graphml.js'
import { decodeText, truncate } from './text.js'
import type { ReadOptions, ReadResult, WriteOptions } from './types.js'

type JsonObject = Record<string, unknown>

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function kindOf(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'object') return 'an object'
  if (typeof v === 'string') return `the string "${truncate(v, 20)}"`
  return `${typeof v} ${truncate(String(v), 20)}`
}

const TOP_LEVEL = new Set(['directed', 'nodes', 'edges', 'relations', 'twoMode'])
const EDGE_MEMBERS = new Set(['source', 'target', 'weight', 'relation'])

/**
 * Reads a network in cosafe JSON (the format is described at the top of this module). Invalid
 * JSON is E_JSON with line and column; members of the wrong type are E_FIELD with their path
 * (`nodes[2].id`, `edges[3].weight`).
 *
 * @example
 * readJson('{"directed": false, "edges": [{"source": "a", "target": "b"}]}').network.graph.m // 1
 */
export function readJson(input: string | Uint8Array, opts: ReadOptions = {}): ReadResult {
  const source = opts.source
  const { text, warnings: encWarnings } = decodeText(input, source)
  if (text.trim() === '') throw new ParseError('E_EMPTY', { source }, 'the input is empty (expected a JSON object)')
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (e) {
    throw jsonSyntaxError(text, source, e)
  }
  const field = (path: string): Location => ({ source, field: path })
  const wrong = (path: string, expected: string, got: unknown): ParseError =>
    new ParseError('E_FIELD', field(path), `${path} must be ${expected}, got ${kindOf(got)}`)
  if (!isObject(doc)) {
    throw new ParseError(
      'E_FORMAT',
      { source, line: 1, column: 1 },
      `expected a JSON object with "nodes" and "edges", got ${kindOf(doc)}`,
    )
  }
  const { directed: fileDirected, nodes, edges, relations, twoMode } = doc
  if (fileDirected !== undefined && typeof fileDirected !== 'boolean')
    throw wrong('directed', 'true or false', fileDirected)
  if (nodes !== undefined && !Array.isArray(nodes)) throw wrong('nodes', 'an array of node objects', nodes)
  if (edges !== undefined && !Array.isArray(edges)) throw wrong('edges', 'an array of edge objects', edges)
  if (nodes === undefined && edges === undefined) {
    throw new ParseError(
      'E_FORMAT',
      { source },
      'the JSON object has neither "nodes" nor "edges"; is it a cosafe network?',
    )
  }
  if (relations !== undefined && !Array.isArray(relations))
    throw wrong('relations', 'an array of relation names', relations)
  let rows: number | null = null
  if (twoMode !== undefined && twoMode !== null) {
    if (!isObject(twoMode)) throw wrong('twoMode', 'an object {"rows": R} or null', twoMode)
    const R = twoMode.rows
    if (typeof R !== 'number' || !Number.isInteger(R) || R < 0) throw wrong('twoMode.rows', 'an integer >= 0', R)
    if (nodes === undefined)
      throw new ParseError('E_FIELD', field('twoMode'), 'twoMode needs "nodes" (the first R nodes are the rows)')
    if (R > nodes.length)
      throw new ParseError(
        'E_FIELD',
        field('twoMode.rows'),
        `twoMode.rows is ${R}, but there are ${nodes.length} nodes`,
      )
    rows = R
  }
  const policy = opts.unknownNodes ?? 'error'
  const b = new NetworkBuilder({
    directed: opts.directed ?? fileDirected ?? false,
    selfLoops: opts.selfLoops,
    duplicates: opts.duplicates,
    unknownNodes: policy,
    source,
  })
  if (fileDirected === undefined && opts.directed === undefined)
    b.warn('W_DIRECTION', { source, field: 'directed' }, 'no "directed" member: read as undirected')
  for (const k of Object.keys(doc)) {
    if (!TOP_LEVEL.has(k)) b.warn('W_IGNORED', { source, field: k }, `ignored: top-level member "${truncate(k)}"`)
  }
  let declared: Set<string> | null = null
  let defaultRelation = opts.relation ?? ''
  if (relations) {
    declared = new Set()
    for (let k = 0; k < relations.length; k++) {
      const r: unknown = relations[k]
      if (typeof r !== 'string') throw wrong(`relations[${k}]`, 'a string', r)
      if (declared.has(r))
        throw new ParseError('E_FIELD', field(`relations[${k}]`), `relation "${truncate(r)}" is listed twice`)
      declared.add(r)
      b.relation(r)
    }
    if (relations.length > 0) defaultRelation = relations[0] as string
  }

  const idOf = (v: unknown, path: string): string => {
    if (typeof v === 'string') return v
    if (typeof v === 'number' && Number.isFinite(v)) return String(v)
    throw wrong(path, 'a node id (a string)', v)
  }

  if (nodes) {
    for (let k = 0; k < nodes.length; k++) {
      const node: unknown = nodes[k]
      if (!isObject(node)) throw wrong(`nodes[${k}]`, 'an object with an "id"', node)
      if (!('id' in node)) throw new ParseError('E_FIELD', field(`nodes[${k}].id`), `nodes[${k}] has no "id"`)
      const id = idOf(node.id, `nodes[${k}].id`)
      if (b.hasNode(id))
        throw new ParseError('E_DUPLICATE_NODE', field(`nodes[${k}].id`), `node "${truncate(id)}" is listed twice`)
      const i = b.addNode(id)
      for (const name of Object.keys(node)) {
        if (name === 'id') continue
        const v = node[name]
        if (name === 'label') {
          if (v !== null && typeof v !== 'string') throw wrong(`nodes[${k}].label`, 'a string or null', v)
          b.setLabel(i, v)
          continue
        }
        if (v !== null && typeof v !== 'string' && typeof v !== 'number')
          throw wrong(`nodes[${k}].${name}`, 'a string, a number or null', v)
        b.setAttribute(i, name, v)
      }
    }
  }

  if (edges) {
    const R = opts.twoMode === false ? null : rows
    for (let k = 0; k < edges.length; k++) {
      const edge: unknown = edges[k]
      if (!isObject(edge)) throw wrong(`edges[${k}]`, 'an object with "source" and "target"', edge)
      if (!('source' in edge))
        throw new ParseError('E_FIELD', field(`edges[${k}].source`), `edges[${k}] has no "source"`)
      if (!('target' in edge))
        throw new ParseError('E_FIELD', field(`edges[${k}].target`), `edges[${k}] has no "target"`)
      const sid = idOf(edge.source, `edges[${k}].source`)
      const tid = idOf(edge.target, `edges[${k}].target`)
      let w = 1
      const wv = edge.weight
      if (wv !== undefined) {
        if (typeof wv !== 'number') throw wrong(`edges[${k}].weight`, 'a number', wv)
        if (!(wv >= 0) || wv === Infinity)
          throw new ParseError('E_WEIGHT', field(`edges[${k}].weight`), `weight must be a number >= 0, got ${wv}`)
        w = wv
      }
      let rel = defaultRelation
      const rv = edge.relation
      if (rv !== undefined) {
        if (typeof rv !== 'string') throw wrong(`edges[${k}].relation`, 'a string', rv)
        if (declared && !declared.has(rv)) {
          throw new ParseError(
            'E_FIELD',
            field(`edges[${k}].relation`),
            `relation "${truncate(rv)}" is not in "relations"`,
          )
        }
        rel = rv
      }
      for (const name in edge) {
        if (!EDGE_MEMBERS.has(name)) {
          b.warn(
            'W_ATTRIBUTE',
            field(`edges[${k}].${name}`),
            `edge members other than source, target, weight and relation are not kept (first: "${truncate(name)}")`,
          )
          break
        }
      }
      const s = resolve(sid, `edges[${k}].source`)
      const t = resolve(tid, `edges[${k}].target`)
      if (s === t && b.options.selfLoops === 'error') {
        throw new ParseError(
          'E_SELF_LOOP',
          field(`edges[${k}]`),
          `tie from "${truncate(sid)}" to itself (self-loops are not allowed)`,
        )
      }
      if (R !== null && s !== t && s < R === t < R) {
        throw new ParseError(
          'E_FORMAT',
          field(`edges[${k}]`),
          `two-mode data: the tie ${truncate(sid)} - ${truncate(tid)} joins two ${s < R ? 'rows' : 'columns'}; ties must join a row and a column`,
        )
      }
      b.addTie(s, t, w, rel)
    }
    if (edges.length === 0 && !relations) b.relation(defaultRelation)
  } else if (!relations) b.relation(defaultRelation)

  function resolve(id: string, path: string): number {
    const i = b.findNode(id)
    if (i !== undefined) return i
    if (nodes) {
      if (policy === 'error')
        throw new ParseError('E_UNKNOWN_NODE', field(path), `unknown node "${truncate(id)}" (not in "nodes")`)
      b.warn(
        'W_NODE_CREATED',
        field(path),
        `nodes created for edges naming nodes not in "nodes" (first: "${truncate(id)}")`,
      )
    }
    return b.addNode(id)
  }

  if (rows !== null && opts.twoMode !== false) b.twoModeRows = rows
  const { network, warnings } = b.build()
  const net = opts.twoMode && rows === null ? asTwoMode(network, undefined, { source }) : network
  return { network: net, warnings: [...encWarnings, ...warnings] }
}

/** Turns a JSON.parse failure into E_JSON with the line and column of the first syntax error. */
function jsonSyntaxError(text: string, source: string | undefined, cause: unknown): ParseError {
  const found = locateJsonError(text)
  if (!found)
    return new ParseError(
      'E_JSON',
      { source },
      `invalid JSON (${cause instanceof Error ? cause.message : String(cause)})`,
    )
  let line = 1
  let start = 0
  for (let i = 0; i < found.pos; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++
      start = i + 1
    }
  }
  return new ParseError('E_JSON', { source, line, column: found.pos - start + 1 }, found.detail)
}

/**
 * Finds the first syntax error of a JSON text (position and message), or null when it is
 * valid. Iterative, so that deep nesting cannot overflow the stack.
 */
export function locateJsonError(s: string): { pos: number; detail: string } | null {
  const n = s.length
  let i = 0
  const stack: number[] = []
  const fail = (pos: number, detail: string): { pos: number; detail: string } => ({ pos, detail })
  const show = (p: number): string => (p >= n ? 'the end of the input' : `"${String.fromCodePoint(s.codePointAt(p)!)}"`)
  const ws = (): void => {
    while (i < n) {
      const c = s.charCodeAt(i)
      if (c === 32 || c === 9 || c === 10 || c === 13) i++
      else break
    }
  }
  const str = (): { pos: number; detail: string } | null => {
    const open = i
    i++
    while (i < n) {
      const c = s.charCodeAt(i)
      if (c === 34) {
        i++
        return null
      }
      if (c === 92) {
        const d = s[i + 1]
        if (d !== undefined && '"\\/bfnrt'.includes(d)) i += 2
        else if (d === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) i += 6
        else return fail(i, 'invalid escape in a string (expected \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)')
        continue
      }
      if (c < 32)
        return fail(i, 'a control character (such as a line break) inside a string; write it as an escape like \\n')
      i++
    }
    return fail(open, 'a string is not closed (missing ")')
  }
  const key = (): { pos: number; detail: string } | null => {
    ws()
    if (s.charCodeAt(i) !== 34) return fail(i, `expected a property name in double quotes, got ${show(i)}`)
    const e = str()
    if (e) return e
    ws()
    if (s.charCodeAt(i) !== 58) return fail(i, `expected ":" after the property name, got ${show(i)}`)
    i++
    return null
  }
  const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y
  let expectValue = true
  for (;;) {
    ws()
    if (expectValue) {
      if (i >= n) return fail(i, 'the input ends where a value was expected')
      const c = s.charCodeAt(i)
      if (c === 123 || c === 91) {
        i++
        ws()
        if (s.charCodeAt(i) === (c === 123 ? 125 : 93)) {
          i++
          expectValue = false
          continue
        }
        stack.push(c)
        if (c === 123) {
          const e = key()
          if (e) return e
        }
        continue
      }
      if (c === 34) {
        const e = str()
        if (e) return e
      } else if (c === 45 || (c >= 48 && c <= 57)) {
        NUMBER.lastIndex = i
        const m = NUMBER.exec(s)
        if (!m || m[0] === '-') return fail(i, `invalid number ${show(i)}`)
        i += m[0].length
        const d = s.charCodeAt(i)
        if (d === 46 || d === 101 || d === 69 || (d >= 48 && d <= 57))
          return fail(i, 'invalid number (leading zeros, a lone "." or an incomplete exponent)')
      } else if (s.startsWith('true', i)) i += 4
      else if (s.startsWith('false', i)) i += 5
      else if (s.startsWith('null', i)) i += 4
      else return fail(i, `unexpected ${show(i)} where a value was expected (strings need double quotes)`)
      expectValue = false
      continue
    }
    if (stack.length === 0) return i < n ? fail(i, `unexpected ${show(i)} after the end of the JSON value`) : null
    const top = stack[stack.length - 1]!
    const c = s.charCodeAt(i)
    if (c === 44) {
      i++
      if (top === 123) {
        const e = key()
        if (e) return e
      }
      expectValue = true
      continue
    }
    if (c === (top === 123 ? 125 : 93)) {
      i++
      stack.pop()
      continue
    }
    return fail(i, `expected "," or "${top === 123 ? '}' : ']'}", got ${show(i)}`)
  }
}

/**
 * Writes a network as cosafe JSON (pretty-printed, one node or edge per line). Round-trips
 * everything readJson reads: ids, labels, attributes, direction, weights, relations (also
 * without ties), two-mode rows; kept self-loops are written as edges from a node to itself.
 */
export function writeJson(network: Network, opts: WriteOptions = {}): string {
  const graphs = selectRelations(network, opts)
  const nodes = network.nodes
  const names: string[] = []
  const columns: (readonly AttributeValue[])[] = []
  for (const [name, col] of nodes.attributes) {
    if (name === 'id' || name === 'label') {
      throw new ParseError(
        'E_UNSUPPORTED',
        { field: name },
        `a node attribute named "${name}" cannot be written to cosafe JSON (it is a reserved member)`,
      )
    }
    names.push(JSON.stringify(name))
    columns.push(col)
  }
  const out: string[] = ['{', `  "directed": ${network.directed},`]
  if (network.twoModeRows !== null) out.push(`  "twoMode": {"rows": ${network.twoModeRows}},`)
  const withRelation = graphs.length > 1 || graphs[0]!.relation !== ''
  if (withRelation) out.push(`  "relations": [${graphs.map((g) => JSON.stringify(g.relation)).join(', ')}],`)
  out.push('  "nodes": [')
  for (let i = 0; i < nodes.size; i++) {
    let line = `    {"id": ${JSON.stringify(nodes.ids[i])}`
    const label = nodes.labels[i]
    if (label !== null && label !== undefined) line += `, "label": ${JSON.stringify(label)}`
    for (let c = 0; c < names.length; c++) {
      const v = columns[c]![i]
      line += `, ${names[c]}: ${v === undefined ? 'null' : Object.is(v, -0) ? '-0' : JSON.stringify(v)}`
    }
    out.push(line + (i < nodes.size - 1 ? '},' : '}'))
  }
  out.push('  ],', '  "edges": [')
  const ids = nodes.ids.map((id) => JSON.stringify(id))
  const weighted = weightType(graphs) !== null
  const lines: string[] = []
  const edge = (s: number, t: number, w: number, rel: string | null): void => {
    let line = `    {"source": ${ids[s]}, "target": ${ids[t]}`
    if (weighted) line += `, "weight": ${JSON.stringify(w)}`
    if (rel !== null) line += `, "relation": ${rel}`
    lines.push(line + '}')
  }
  for (const g of graphs) {
    const rel = withRelation ? JSON.stringify(g.relation) : null
    for (let e = 0; e < g.m; e++) edge(g.tieSource[e]!, g.tieTarget[e]!, g.tieWeight[e]!, rel)
  }
  for (const g of graphs) {
    const loops = g.loops
    if (!loops) continue
    const rel = withRelation ? JSON.stringify(g.relation) : null
    for (let i = 0; i < loops.length; i++) if (loops[i] !== 0) edge(i, i, loops[i]!, rel)
  }
  out.push(lines.join(',\n'))
  if (lines.length === 0) out.pop()
  out.push('  ]', '}')
  return out.join('\n') + '\n'
}
