// Every format through the one door: detection, and a multiplex network with kept self-loops round-tripping.

import { describe, expect, it } from 'vitest'
import { NetworkBuilder } from '../builder.js'
import type { FormatName } from './types.js'
import { detectFormat, readNetwork, writeNetwork } from './formats.js'
import { tieSet } from './roundtrip.test-util.js'

function multiplex() {
  const b = new NetworkBuilder({ directed: true, selfLoops: 'keep' })
  for (const id of ['street office', '居委会', 'police']) b.addNode(id)
  b.addTie('street office', '居委会', 2, 'INFO')
  b.addTie('居委会', 'police', 1, 'INFO')
  b.addTie('police', 'street office', 3, 'COMMAND')
  b.addTie('police', 'police', 4, 'COMMAND')
  return b.build().network
}

describe('readNetwork / writeNetwork', () => {
  for (const format of ['csv', 'dl', 'pajek', 'graphml', 'gexf', 'json'] as FormatName[]) {
    it(`${format}: relations, weights and per-relation self-loops survive a round trip`, () => {
      const net = multiplex()
      const text = writeNetwork(net, format)
      expect(detectFormat(undefined, text)).toBe(format === 'csv' ? 'csv' : format)
      const back = readNetwork(text, { format, directed: true, selfLoops: 'keep' }).network
      expect(back.relationNames()).toEqual(['INFO', 'COMMAND'])
      expect(tieSet(back)).toEqual(tieSet(net))
      const command = back.findRelation('COMMAND')!
      expect(Array.from(command.loops ?? [])).toEqual([0, 0, 4])
      expect(back.findRelation('INFO')!.loops).toBeNull()
    })
  }
  it('detects formats by content before the file name', () => {
    expect(detectFormat('x.txt', 'dl n=2\ndata:\n0 1\n1 0\n')).toBe('dl')
    expect(detectFormat('x.txt', '*Vertices 2\n')).toBe('pajek')
    expect(detectFormat('x.xml', '<?xml version="1.0"?><gexf version="1.3">')).toBe('gexf')
    expect(detectFormat('x', ',a,b\na,0,1\nb,1,0\n')).toBe('matrix')
    expect(detectFormat('ties.csv', 'source,target\na,b\n')).toBe('csv')
    expect(() => detectFormat('x.bin', 'hello')).toThrow(/format/)
  })
})
