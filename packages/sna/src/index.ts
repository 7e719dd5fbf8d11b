// The one door of @cosafe/sna: every public export is named here.

export * from './errors.js'
export * from './graph.js'
export * from './builder.js'
export * from './io/types.js'
export { decodeText, splitLines } from './io/text.js'
export {
  readCsv,
  writeCsv,
  writeNodesCsv,
  readMatrixCsv,
  writeMatrixCsv,
  detectDelimiter,
  parseCsv,
  csvField,
} from './io/csv.js'
export type { CsvReadOptions, CsvWriteOptions, Delimiter } from './io/csv.js'
export * from './measures/degree.js'
export * from './measures/paths.js'
export * from './measures/components.js'
export * from './measures/clustering.js'
export * from './measures/coreness.js'
export * from './measures/eigenvector.js'
export * from './measures/pagerank.js'
export * from './measures/structuralHoles.js'
export * from './measures/network.js'
export * from './analyze.js'
export * from './twoMode.js'
export * from './io/formats.js'
export * from './measureInfo.js'
export * from './measures/groups.js'
export * from './measures/cliques.js'
export * from './measures/concor.js'
export { readGraphml, writeGraphml } from './io/graphml.js'
export { readGexf, writeGexf } from './io/gexf.js'
export type { GexfWriteOptions } from './io/gexf.js'
export { readJson, writeJson } from './io/json.js'
export { readDl, writeDl } from './io/dl.js'
export type { DlWriteOptions } from './io/dl.js'
export { readPajek, writePajek } from './io/pajek.js'
export * from './measures/louvain.js'
export * from './measures/permutation.js'
export * from './measures/biconnected.js'
export * from './measures/egoNetwork.js'
export * from './measures/corePeriphery.js'
export * from './measures/positions.js'
export * from './measures/mrqap.js'
export * from './measures/keyPlayers.js'
export * from './measures/whatIf.js'
export * from './measures/multiplex.js'
export * from './measures/factions.js'
export { mulberry32, shuffle } from './random.js'
export * from './structure.js'
export * from './measures/leiden.js'
export * from './measures/kplexes.js'
export * from './measures/census.js'
export * from './measures/twoModeCentrality.js'
export * from './measures/approxBetweenness.js'
