// Shared option and result types of every reader and writer.

import type { BuildOptions } from '../builder.js'
import type { Warning } from '../errors.js'
import type { Network } from '../graph.js'

export type FormatName = 'csv' | 'matrix' | 'dl' | 'pajek' | 'graphml' | 'gexf' | 'json'

export interface ReadOptions {
  /** Name of the input for messages (a file name). */
  source?: string
  /**
   * Direction. For formats that state it (GraphML, GEXF, JSON, Pajek *Arcs/*Edges) the file
   * wins unless this is set; for the others (CSV, DL) it decides, default undirected.
   */
  directed?: boolean
  /** Read as a two-mode (affiliation) network: rows first, then columns. */
  twoMode?: boolean
  /** Relation name for single-relation inputs (default ''). */
  relation?: string
  selfLoops?: BuildOptions['selfLoops']
  duplicates?: BuildOptions['duplicates']
  unknownNodes?: BuildOptions['unknownNodes']
}

export interface ReadResult {
  network: Network
  warnings: Warning[]
}

export interface WriteOptions {
  /** Relation(s) to write; default every relation the format can hold (else the first). */
  relation?: string
}

export type Reader<O extends ReadOptions = ReadOptions> = (input: string | Uint8Array, opts?: O) => ReadResult
export type Writer<O extends WriteOptions = WriteOptions> = (network: Network, opts?: O) => string
