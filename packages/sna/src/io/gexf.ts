// GEXF 1.2 and 1.3 reader and writer (Gephi's format): attributes with types and defaults, weights, edge kinds as relations.

import { ParseError, type Location } from '../errors.js'
import type { AttributeValue, Network } from '../graph.js'
import { asTwoMode } from '../twoMode.js'
import {
  columnType,
  openXmlNetwork,
  parseWeight,
  selectRelations,
  typedValue,
  weightType,
  xmlNumber,
  XmlTies,
} from './graphml.js'
import { truncate } from './text.js'
import type { ReadOptions, ReadResult, WriteOptions } from './types.js'
import { escapeXmlAttr, escapeXmlText, XML_END, XML_EOF, XML_START } from './xml.js'

interface AttributeDef {
  id: string
  title: string
  numeric: boolean
  def: string | null
  index: number
  line: number
  column: number
}

const NUMERIC_TYPES = new Set([
  'integer',
  'long',
  'double',
  'float',
  'short',
  'byte',
  'bigdecimal',
  'biginteger',
  'int',
])
/** Elements of the viz namespace (colours, positions, sizes, shapes): ignored without a warning. */
const VIZ = new Set(['color', 'position', 'size', 'shape', 'thickness'])

/**
 * Reads GEXF 1.1, 1.2 or 1.3. Node `id` and `label`; node attributes from `<attributes
 * class="node">` (`<attribute id title type>`, numeric types as numbers, others as text, a
 * `<default>` fills nodes without a value) and `<attvalues>`. Tie weight from the edge's
 * `weight` (else an edge attribute titled `weight`; default 1); relation from the edge's `kind`
 * (GEXF 1.3) or else an edge attribute titled `relation`. Direction from `defaultedgetype`
 * (default undirected) and per-edge `type`; `mutual` counts as undirected; a graph with any
 * directed edge is directed and its undirected edges become arcs both ways (W_DIRECTION);
 * `opts.directed` overrides (every edge one tie source → target). Edge labels and other edge
 * attributes are not kept (W_ATTRIBUTE); viz elements are ignored; time data (spells, dynamic
 * values after the first), hierarchies and graphs after the first are skipped (W_IGNORED).
 * Unknown nodes in edges are E_UNKNOWN_NODE unless `opts.unknownNodes` is 'create'. With
 * `opts.twoMode`, rows are the nodes whose `mode` attribute equals the first node's (asTwoMode).
 */
export function readGexf(input: string | Uint8Array, opts: ReadOptions = {}): ReadResult {
  const source = opts.source
  const { x, b, encWarnings } = openXmlNetwork(input, opts, 'gexf', 'GEXF')
  const at = (field?: string): Location => ({ source, line: x.line, column: x.column, ...(field ? { field } : {}) })
  const whereAt = (line: number, column: number, field: string): Location => ({ source, line, column, field })
  const ignore = (what: string): void => {
    b.warn('W_IGNORED', { line: x.line, column: x.column }, `ignored: ${what}`)
    x.skipElement()
  }
  let graphSeen = false

  const readGraph = (): void => {
    const det = x.attr('defaultedgetype') ?? 'undirected'
    if (det !== 'directed' && det !== 'undirected' && det !== 'mutual') {
      throw new ParseError(
        'E_FORMAT',
        at('defaultedgetype'),
        `defaultedgetype must be "directed", "undirected" or "mutual", got "${truncate(det)}"`,
      )
    }
    const defaultDirected = det === 'directed'
    if (x.attr('mode') === 'dynamic') b.warn('W_IGNORED', at('mode'), 'ignored: time information of a dynamic graph')
    const ties = new XmlTies(b, opts.unknownNodes ?? 'error', opts.directed, source)
    const nodeAttrs = new Map<string, AttributeDef>()
    const edgeAttrs = new Map<string, AttributeDef>()
    const nodeList: AttributeDef[] = []
    let stamp = new Int32Array(0)
    let nodeNo = 0
    let nodeDefaults: AttributeDef[] | null = null
    let nodeDefaultValues: AttributeValue[] = []
    let weightAttr: AttributeDef | null = null
    let relationAttr: AttributeDef | null = null
    let weightDefault = 1
    let relationDefault: string | null = null
    const fallbackRelation = opts.relation ?? ''

    const readAttributes = (): void => {
      const cls = x.attr('class')
      if (cls !== 'node' && cls !== 'edge') {
        if (cls === undefined)
          throw new ParseError('E_FORMAT', at('class'), '<attributes> has no class (expected "node" or "edge")')
        ignore(`attributes of class "${truncate(cls)}"`)
        return
      }
      const map = cls === 'node' ? nodeAttrs : edgeAttrs
      while (x.next() !== XML_END) {
        if (x.event !== XML_START) continue
        if (x.name !== 'attribute') {
          ignore(`<${x.qname}> in <attributes>`)
          continue
        }
        const id = x.attr('id')
        if (id === undefined) throw new ParseError('E_FORMAT', at('id'), '<attribute> has no id')
        if (map.has(id))
          throw new ParseError('E_FORMAT', at('id'), `${cls} attribute "${truncate(id)}" is declared twice`)
        const def: AttributeDef = {
          id,
          title: x.attr('title') ?? id,
          numeric: NUMERIC_TYPES.has((x.attr('type') ?? 'string').toLowerCase()),
          def: null,
          index: map.size,
          line: x.line,
          column: x.column,
        }
        map.set(id, def)
        if (cls === 'node') {
          nodeList.push(def)
          // attribute columns in declaration order, also when no node has a value
          if (def.title !== 'label') b.setAttribute(0, def.title, null)
          nodeDefaults = null // (re)prepared at the next node
        }
        while (x.next() !== XML_END) {
          if (x.event !== XML_START) continue
          if ((x.name as string) === 'default') def.def = x.readText()
          else x.skipElement()
        }
        if (cls === 'edge') {
          const t = def.title.toLowerCase()
          if (t === 'weight' && !weightAttr) {
            weightAttr = def
            if (def.def !== null) weightDefault = parseWeight(def.def, whereAt(def.line, def.column, def.title))
          } else if (t === 'relation' && !relationAttr) {
            relationAttr = def
            relationDefault = def.def
          }
        }
      }
    }

    const prepareNodes = (): void => {
      if (nodeDefaults) return
      stamp = new Int32Array(nodeList.length)
      nodeDefaults = nodeList.filter((d) => d.def !== null)
      nodeDefaultValues = nodeDefaults.map((d) =>
        d.title === 'label' ? d.def : typedValue(d.def!, d.numeric, whereAt(d.line, d.column, d.title)),
      )
    }

    // the current <attvalue>, read by attvalue() (no object per value)
    let avValue = ''
    let avLine = 0
    let avColumn = 0
    const attvalue = (map: Map<string, AttributeDef>): AttributeDef => {
      const ref = x.attr('for') ?? x.attr('id')
      if (ref === undefined) throw new ParseError('E_FORMAT', at('for'), '<attvalue> has no "for" attribute')
      const def = map.get(ref)
      if (!def)
        throw new ParseError(
          'E_FORMAT',
          at('for'),
          `<attvalue> refers to attribute "${truncate(ref)}", which no <attribute> declares`,
        )
      const value = x.attr('value')
      if (value === undefined) throw new ParseError('E_FORMAT', at('value'), '<attvalue> has no value')
      avValue = value
      avLine = x.line
      avColumn = x.column
      x.skipElement()
      return def
    }

    const readNode = (): void => {
      prepareNodes()
      const id = x.attr('id')
      if (id === undefined) throw new ParseError('E_FORMAT', at('id'), '<node> has no id attribute')
      if (b.hasNode(id)) throw new ParseError('E_DUPLICATE_NODE', at('id'), `node "${truncate(id)}" is declared twice`)
      const i = b.addNode(id)
      const label = x.attr('label')
      if (label !== undefined) b.setLabel(i, label)
      if (x.attr('pid') !== undefined) b.warn('W_IGNORED', at('pid'), 'ignored: node hierarchy (pid)')
      nodeNo++
      while (x.next() !== XML_END) {
        if (x.event !== XML_START) continue
        const name = x.name
        if (name === 'attvalues') {
          while (x.next() !== XML_END) {
            if (x.event !== XML_START) continue
            if (x.name !== 'attvalue') {
              ignore(`<${x.qname}> in <attvalues>`)
              continue
            }
            const def = attvalue(nodeAttrs)
            if (stamp[def.index] === nodeNo) {
              b.warn(
                'W_IGNORED',
                whereAt(avLine, avColumn, def.title),
                'ignored: dynamic attribute values after the first',
              )
              continue
            }
            stamp[def.index] = nodeNo
            if (def.title === 'label') b.setLabel(i, avValue)
            else b.setAttribute(i, def.title, typedValue(avValue, def.numeric, whereAt(avLine, avColumn, def.title)))
          }
        } else if (VIZ.has(name)) x.skipElement()
        else if (name === 'spells') ignore('time information (spells)')
        else if (name === 'nodes' || name === 'edges' || name === 'parents') ignore('node hierarchies')
        else ignore(`<${x.qname}> in a node`)
      }
      const defs = nodeDefaults!
      for (let k = 0; k < defs.length; k++) {
        const d = defs[k]!
        if (stamp[d.index] === nodeNo) continue
        if (d.title === 'label') b.setLabel(i, nodeDefaultValues[k] as string)
        else b.setAttribute(i, d.title, nodeDefaultValues[k]!)
      }
    }

    const readEdge = (): void => {
      const line = x.line
      const column = x.column
      const s = x.attr('source')
      const t = x.attr('target')
      if (s === undefined) throw new ParseError('E_FORMAT', at('source'), '<edge> has no source attribute')
      if (t === undefined) throw new ParseError('E_FORMAT', at('target'), '<edge> has no target attribute')
      const type = x.attr('type')
      let directed = defaultDirected
      if (type !== undefined) {
        if (type === 'directed') directed = true
        else if (type === 'undirected' || type === 'mutual') directed = false
        else
          throw new ParseError(
            'E_FORMAT',
            at('type'),
            `the edge type must be "directed", "undirected" or "mutual", got "${truncate(type)}"`,
          )
      }
      let w = -1
      const rawWeight = x.attr('weight')
      if (rawWeight !== undefined) {
        const v = Number(rawWeight)
        w = v > 0 && v !== Infinity ? v : parseWeight(rawWeight, at('weight'))
      }
      let rel = x.attr('kind') ?? null
      if (x.attr('label') !== undefined)
        b.warn(
          'W_ATTRIBUTE',
          at('label'),
          'edge labels and edge attributes other than weight and relation are not kept',
        )
      while (x.next() !== XML_END) {
        if (x.event !== XML_START) continue
        const name = x.name
        if (name === 'attvalues') {
          while (x.next() !== XML_END) {
            if (x.event !== XML_START) continue
            if (x.name !== 'attvalue') {
              ignore(`<${x.qname}> in <attvalues>`)
              continue
            }
            const def = attvalue(edgeAttrs)
            if (def === weightAttr) {
              if (w < 0) w = parseWeight(avValue, whereAt(avLine, avColumn, def.title))
            } else if (def === relationAttr) {
              if (rel === null) rel = avValue
            } else {
              b.warn(
                'W_ATTRIBUTE',
                whereAt(avLine, avColumn, def.title),
                `edge attributes other than weight and relation are not kept (first: "${truncate(def.title)}")`,
              )
            }
          }
        } else if (VIZ.has(name)) x.skipElement()
        else if (name === 'spells') ignore('time information (spells)')
        else ignore(`<${x.qname}> in an edge`)
      }
      ties.add(s, t, w < 0 ? weightDefault : w, rel ?? relationDefault ?? fallbackRelation, directed, line, column)
    }

    while (x.next() !== XML_END) {
      if (x.event !== XML_START) continue
      const name = x.name
      if (name === 'attributes') readAttributes()
      else if (name === 'nodes') {
        while (x.next() !== XML_END) {
          if (x.event !== XML_START) continue
          if (x.name === 'node') readNode()
          else ignore(`<${x.qname}> in <nodes>`)
        }
      } else if (name === 'edges') {
        while (x.next() !== XML_END) {
          if (x.event !== XML_START) continue
          if (x.name === 'edge') readEdge()
          else ignore(`<${x.qname}> in <edges>`)
        }
      } else if (name === 'spells') ignore('time information (spells)')
      else ignore(`<${x.qname}> in a graph`)
    }
    ties.finish(defaultDirected)
    if (!ties.hasTies) b.relation(relationDefault ?? fallbackRelation)
  }

  while (x.next() !== XML_END) {
    if (x.event !== XML_START) continue
    const name: string = x.name
    if (name === 'graph') {
      if (graphSeen) ignore('graphs after the first')
      else {
        graphSeen = true
        readGraph()
      }
    } else if (name === 'meta') x.skipElement()
    else ignore(`<${x.qname}> in <gexf>`)
  }
  while (x.next() !== XML_EOF) {
    // only comments and white space may follow the root element; the reader checks that
  }
  if (!graphSeen) throw new ParseError('E_FORMAT', { source }, 'the GEXF document has no <graph> element')
  const { network, warnings } = b.build()
  return {
    network: opts.twoMode ? asTwoMode(network, undefined, { source }) : network,
    warnings: [...encWarnings, ...warnings],
  }
}

export interface GexfWriteOptions extends WriteOptions {
  /** GEXF version to write (default '1.3'). */
  version?: '1.2' | '1.3'
}

const GEXF_TYPES = { string: 'string', int: 'integer', long: 'long', double: 'double' } as const

/**
 * Writes GEXF (1.3 by default, or 1.2): node ids and labels, node attributes (integer, long,
 * double or string by column content), `defaultedgetype` from the direction, `weight` when some
 * weight differs from 1, and the relation as the edge `kind` (1.3) or an edge attribute titled
 * `relation` (1.2) when there are several relations or one with a name. Kept self-loops are
 * written as edges from a node to itself. Reads back with readGexf to the same network except
 * for the two-mode row count, which GEXF cannot hold (give nodes a `mode` attribute instead).
 */
export function writeGexf(network: Network, opts: GexfWriteOptions = {}): string {
  const version = opts.version ?? '1.3'
  if (version !== '1.2' && version !== '1.3') {
    throw new ParseError(
      'E_OPTION',
      { field: 'version' },
      `the GEXF version must be "1.2" or "1.3", got "${String(version)}"`,
    )
  }
  const graphs = selectRelations(network, opts)
  const nodes = network.nodes
  const ns = version === '1.3' ? 'http://gexf.net/1.3' : 'http://www.gexf.net/1.2draft'
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gexf xmlns="${ns}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${ns} ${ns}/gexf.xsd" version="${version}">`,
    '  <meta>',
    '    <creator>cosafe</creator>',
    '  </meta>',
    `  <graph mode="static" defaultedgetype="${network.directed ? 'directed' : 'undirected'}">`,
  ]
  const columns: { id: string; values: readonly AttributeValue[] }[] = []
  if (nodes.attributes.size > 0) {
    out.push('    <attributes class="node">')
    let k = 0
    for (const [name, values] of nodes.attributes) {
      if (name === 'label') continue // cannot be told from the label
      const id = String(k++)
      out.push(
        `      <attribute id="${id}" title="${escapeXmlAttr(name, 'an attribute name')}" type="${GEXF_TYPES[columnType(values)]}"/>`,
      )
      columns.push({ id, values })
    }
    out.push('    </attributes>')
  }
  const withRelation = graphs.length > 1 || graphs[0]!.relation !== ''
  const kind = withRelation && version === '1.3'
  if (withRelation && !kind) {
    out.push(
      '    <attributes class="edge">',
      `      <attribute id="relation" title="relation" type="string"><default>${escapeXmlText(graphs[0]!.relation, 'a relation name')}</default></attribute>`,
      '    </attributes>',
    )
  }
  out.push('    <nodes>')
  const ids = nodes.ids.map((id) => escapeXmlAttr(id, 'a node id'))
  for (let i = 0; i < nodes.size; i++) {
    const label = nodes.labels[i]
    const head = `      <node id="${ids[i]}"${label !== null && label !== undefined ? ` label="${escapeXmlAttr(label, 'a label')}"` : ''}`
    const values: string[] = []
    for (const c of columns) {
      const v = c.values[i]
      if (v === null || v === undefined) continue
      values.push(
        `          <attvalue for="${c.id}" value="${typeof v === 'number' ? xmlNumber(v) : escapeXmlAttr(v, 'an attribute value')}"/>`,
      )
    }
    if (values.length === 0) out.push(`${head}/>`)
    else out.push(`${head}>`, '        <attvalues>', ...values, '        </attvalues>', '      </node>')
  }
  out.push('    </nodes>', '    <edges>')
  const wType = weightType(graphs)
  let k = 0
  const edge = (s: number, t: number, w: number, rel: string | null): void => {
    let line = `      <edge id="${k++}" source="${ids[s]}" target="${ids[t]}"`
    if (wType) line += ` weight="${xmlNumber(w)}"`
    if (rel === null) out.push(`${line}/>`)
    else if (kind) out.push(`${line} kind="${rel}"/>`)
    else out.push(`${line}><attvalues><attvalue for="relation" value="${rel}"/></attvalues></edge>`)
  }
  for (const g of graphs) {
    const rel = withRelation ? escapeXmlAttr(g.relation, 'a relation name') : null
    for (let e = 0; e < g.m; e++) edge(g.tieSource[e]!, g.tieTarget[e]!, g.tieWeight[e]!, rel)
  }
  for (const g of graphs) {
    const loops = g.loops
    if (!loops) continue
    const rel = withRelation ? escapeXmlAttr(g.relation, 'a relation name') : null
    for (let i = 0; i < loops.length; i++) if (loops[i] !== 0) edge(i, i, loops[i]!, rel)
  }
  out.push('    </edges>', '  </graph>', '</gexf>')
  return out.join('\n') + '\n'
}
