import { it } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { readDl, writeDl } from './dl.js'
it('smoke', () => {
  const base = '/work/main/packages/sna/test/fixtures/data'
  for (const d of readdirSync(base)) {
    const r = readDl(readFileSync(`${base}/${d}/${d}.dl`), { source: d })
    const g = r.network.graph
    console.log(d, g.n, g.m, g.directed, r.network.twoModeRows, r.warnings.map((w) => w.code + ':' + w.count).join(' '))
  }
  const r = readDl(readFileSync(`${base}/kite/kite.dl`))
  console.log(writeDl(r.network, { format: 'edgelist1' }).slice(0, 200))
})
