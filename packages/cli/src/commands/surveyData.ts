// `cosafe survey aggregate | import | export`: the survey's network, answers from roster matrices, raw answers.

import { readFileSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { MISSING_METHODS, SYMMETRIZE_RULES, type MissingMethod, type SymmetrizeRule } from '@cosafe/core'
import { csvField, isFormatName, writeNetwork } from '@cosafe/sna'
import type { Store } from '@cosafe/store'
import { UsageError } from '../errors.js'

type Values = Record<string, string | boolean | undefined>
type Sub = (store: Store, args: string[]) => Promise<unknown>

/** The data sub-commands, bound to the parsed options and the output functions of `cosafe survey`. */
export function dataCommands(
  communityId: string,
  values: Values,
  print: (json: unknown, text: string) => void,
  write: (text: string, out: string | undefined) => void,
): Record<string, Sub> {
  return {
    aggregate: async (store, args) => {
      const rule = (values.rule as string | undefined) ?? 'none'
      const missing = (values.missing as string | undefined) ?? 'missing'
      if (!SYMMETRIZE_RULES.includes(rule as SymmetrizeRule))
        throw new UsageError(`--rule must be one of ${SYMMETRIZE_RULES.join(', ')}, got "${rule}"`)
      if (!MISSING_METHODS.includes(missing as MissingMethod))
        throw new UsageError(`--missing must be one of ${MISSING_METHODS.join(', ')}, got "${missing}"`)
      const to = (values.to as string | undefined) ?? 'json'
      if (!isFormatName(to))
        throw new UsageError(`--to must be one of csv, matrix, dl, pajek, graphml, gexf, json; got "${to}"`)
      const { surveys } = await import('@cosafe/server')
      const { aggregate } = await surveys.surveyNetwork(store, communityId, args[0]!, {
        rule: rule as SymmetrizeRule,
        missing: missing as MissingMethod,
      })
      const summary = surveys.aggregateSummary(aggregate)
      write(writeNetwork(aggregate.network, to), values.out as string | undefined)
      if (values.out !== undefined)
        print(
          summary,
          `rule ${summary.rule}, missing respondents ${summary.missing}, response rate ${(summary.responseRate * 100).toFixed(0)} %\n` +
            summary.relations
              .map(
                (r) =>
                  `  ${r.relation}: ${r.ties} ties, ${r.reconstructedTies} reconstructed, ${r.dyadsWithOneReport} pairs with one report, ${r.unresolved} left missing`,
              )
              .join('\n') +
            '\n',
        )
    },
    import: async (store, args) => {
      const file = args[1]
      if (!file) throw new UsageError('survey import needs the survey id and a file')
      const { surveys } = await import('@cosafe/server')
      const sheets = await readMatrices(file, values.relation as string | undefined)
      const r = await surveys.importMatrices(store, { accountId: null }, communityId, args[0]!, sheets)
      print(r, `imported the answers of ${r.imported.length} respondents: ${r.imported.join(', ')}\n`)
    },
    export: async (store, args) => {
      const { surveys } = await import('@cosafe/server')
      const rows = await surveys.rawAnswers(store, communityId, args[0]!, Boolean(values.pseudonymise))
      const lines = [
        'respondent,relation,target,value',
        ...rows.ties.map((t) =>
          [t.respondent, t.relation, t.target, String(t.value)].map((x) => csvField(x)).join(','),
        ),
      ]
      if (rows.attitudes.length)
        lines.push(
          '',
          'respondent,item,value',
          ...rows.attitudes.map((a) => [a.respondent, a.item, String(a.value)].map((x) => csvField(x)).join(',')),
        )
      write('\uFEFF' + lines.join('\r\n') + '\r\n', values.out as string | undefined)
    },
  }
}

/** Roster matrices from a CSV (one relation, --relation) or an XLSX workbook (one sheet per relation). */
async function readMatrices(file: string, relation: string | undefined) {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    throw new UsageError(`cannot read ${file}`)
  }
  const xlsx = extname(file).toLowerCase() === '.xlsx'
  if (!xlsx && !relation)
    throw new UsageError('a CSV holds one relation: name it with --relation (e.g. --relation INFO)')
  const { readSheets } = await import('@cosafe/server')
  return (await readSheets(bytes, xlsx, relation ?? '')).map((s) => ({
    relation: s.name,
    header: s.header,
    headerLine: s.headerLine,
    rows: s.rows,
    source: xlsx ? `${basename(file)} / ${s.name}` : basename(file),
  }))
}
