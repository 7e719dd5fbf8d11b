// `cosafe diagnose` and `cosafe report`: the rulebook's evaluation and the report, of a network file or a stored community.

import { writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import {
  buildResearchReport,
  diagnose,
  DIMENSIONS,
  parsePeriod,
  SIZE_MEASURES,
  summariseDiagnosis,
  type Diagnosis,
  type Finding,
  type SizeMeasure,
} from '@cosafe/core'
import { REPORT_FORMATS, renderReport, type ReportFormat } from '@cosafe/report'
import { renderText, type Block } from '../document.js'
import { UsageError } from '../errors.js'
import { parseLang, t, type Lang } from '../i18n.js'
import type { Io } from '../io.js'
import { formatOption, inputArgs, loadNetwork, reportWarnings, type InputArgs } from './input.js'

export const DIAGNOSE_HELP = `cosafe diagnose FILE | --community ID [options]

Evaluates every rule of the diagnosis rulebook (concept, participation, structure, mechanisms,
content) and prints one line per rule: fired, clear or insufficient data (with what is needed),
its severity and a one-line explanation, then the recommendations of the fired rules.

FILE is a network file (DL, Pajek, GraphML, GEXF, CSV, cosafe JSON); when its nodes carry a
sector attribute (G Q M O S I, or government, 政府, market, owners, social, resident …) the
structural rules run on it. --community diagnoses a community of the database the server uses
(./data/cosafe.db, COSAFE_DB or DATABASE_URL) with its records, matters and latest closed
survey, against its previous period and the other communities of its street.

  --community ID        a community of the database instead of a file
  --directed, --undirected, --nodes NODES.csv, --input-format F   how to read FILE (as analyze)
  --period P            2026, 2026-Q3, 2026-05 or 2026-01-01..2026-06-30 (default: the twelve
                        months up to the community's latest record)
  --json                print {"findings": […]}: one entry per rule of the rulebook
  --lang en|zh-CN       language of the output (default from LANG)
`

export const REPORT_HELP = `cosafe report FILE | --community ID [options]

Writes the report: summary, network figure, whole-network and actor tables, findings by
dimension with their evidence, recommendations with their predicted effect, method notes.
For a file, the research report (measures and figure; the structural findings when the nodes
carry a sector); for --community, the community's report on the database the server uses.

  --community ID        a community of the database instead of a file
  --directed, --undirected, --nodes NODES.csv, --input-format F   how to read FILE (as analyze)
  --period P            2026, 2026-Q3, 2026-05 or 2026-01-01..2026-06-30
  --format F            html (default; print-ready), docx (Word) or xlsx (Excel)
  --out FILE            where to write (default: NAME-report.EXT in the current directory)
  --size-by M           the figure's disc sizes: ${SIZE_MEASURES.join(', ')} (default degree)
  --lang en|zh-CN       language of the report (default from LANG)
`

const M = {
  fileOrCommunity: {
    en: (cmd: string) => `${cmd} needs a network file or --community ID (run "cosafe ${cmd} --help")`,
    zh: (cmd: string) => `${cmd} 需要一个网络文件或 --community 社区编号（运行 "cosafe ${cmd} --help" 查看用法）`,
  },
  both: {
    en: () => 'give a network file or --community, not both',
    zh: () => '请只给出网络文件或 --community 之一，不要同时给出',
  },
  oneFile: { en: () => 'give one network file', zh: () => '请只给出一个网络文件' },
  periodFile: {
    en: () => '--period applies to --community (a network file has no dates)',
    zh: () => '--period 只用于 --community（网络文件没有日期）',
  },
  period: {
    en: (v: string) =>
      `--period: "${v}" is not a period; expected a year (2026), a quarter (2026-Q3), a month (2026-05) or days (2026-01-01..2026-06-30)`,
    zh: (v: string) =>
      `--period：无法识别“${v}”；应为年份（2026）、季度（2026-Q3）、月份（2026-05）或日期范围（2026-01-01..2026-06-30）`,
  },
  format: {
    en: (v: string) => `--format must be html, docx or xlsx; got "${v}"`,
    zh: (v: string) => `--format 应为 html、docx 或 xlsx，而不是“${v}”`,
  },
  sizeBy: {
    en: (v: string) => `--size-by must be one of ${SIZE_MEASURES.join(', ')}; got "${v}"`,
    zh: (v: string) => `--size-by 应为 ${SIZE_MEASURES.join('、')} 之一，而不是“${v}”`,
  },
  noCommunity: {
    en: (v: string) => `no community "${v}" in the database`,
    zh: (v: string) => `数据库中没有社区“${v}”`,
  },
  write: {
    en: (v: string) => `cannot write ${v}`,
    zh: (v: string) => `无法写入 ${v}`,
  },
} as const

const say = <K extends keyof typeof M>(lang: Lang, key: K, arg = ''): string =>
  (lang === 'zh-CN' ? M[key].zh : M[key].en)(arg)

const STATUS = {
  fired: { en: 'fired', zh: '触发' },
  clear: { en: 'clear', zh: '未触发' },
  'insufficient-data': { en: 'insufficient data', zh: '数据不足' },
} as const
const SEVERITY = { high: { en: 'high', zh: '高' }, medium: { en: 'medium', zh: '中' }, low: { en: 'low', zh: '低' } }
/** Characters of an explanation shown in the table. */
const LINE = 140

const HEAD = {
  en: ['rule', 'dimension', 'status', 'severity', 'explanation'],
  zh: ['规则', '维度', '状态', '严重程度', '说明'],
}

interface Parsed {
  lang: Lang
  file: string | null
  community: string | null
  period: { from: string; to: string; label: string } | undefined
  /** How to read the file (as in cosafe analyze; --input-format because --format names the report's). */
  input: InputArgs
  values: Record<string, string | boolean | undefined>
}

function parse(
  cmd: 'diagnose' | 'report',
  argv: string[],
  extra: Record<string, { type: 'string' | 'boolean' }>,
): Parsed {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      community: { type: 'string' },
      period: { type: 'string' },
      lang: { type: 'string' },
      directed: { type: 'boolean' },
      undirected: { type: 'boolean' },
      nodes: { type: 'string' },
      'input-format': { type: 'string' },
      ...extra,
    },
  })
  const lang = parseLang(values.lang as string | undefined)
  const community = (values.community as string | undefined) ?? null
  if (positionals.length > 1) throw new UsageError(say(lang, 'oneFile'))
  const file = positionals[0] ?? null
  if (file === null && community === null) throw new UsageError(say(lang, 'fileOrCommunity', cmd))
  if (file !== null && community !== null) throw new UsageError(say(lang, 'both'))
  let period: Parsed['period']
  const p = values.period as string | undefined
  if (p !== undefined) {
    if (file !== null) throw new UsageError(say(lang, 'periodFile'))
    try {
      period = parsePeriod(p)
    } catch {
      throw new UsageError(say(lang, 'period', p))
    }
  }
  const input = inputArgs({
    nodes: values.nodes as string | undefined,
    directed: values.directed as boolean | undefined,
    undirected: values.undirected as boolean | undefined,
  })
  input.format = formatOption('--input-format', values['input-format'] as string | undefined)
  return { lang, file, community, period, input, values: values as Parsed['values'] }
}

/** Runs `work` on the community of the server's database; the service's errors become usage errors. */
async function onCommunity<T>(
  id: string,
  lang: Lang,
  work: (
    svc: typeof import('@cosafe/server').diagnosis,
    store: import('@cosafe/store').Store,
    community: import('@cosafe/core').Territory,
  ) => Promise<T>,
): Promise<T> {
  const { storeFromEnv } = await import('@cosafe/store')
  const server = await import('@cosafe/server')
  const store = await storeFromEnv()
  try {
    const community = await store.territories.get(id)
    if (community?.level !== 'community') throw new UsageError(say(lang, 'noCommunity', id))
    return await work(server.diagnosis, store, community)
  } catch (e) {
    if (e instanceof server.HttpError) throw new UsageError(e.message)
    throw e
  } finally {
    await store.close()
  }
}

function text(d: Diagnosis, lang: Lang, title: string): string {
  const z = lang === 'zh-CN'
  const pick = (x: { en: string; zh: string }) => (z ? x.zh : x.en)
  // one line per rule: long explanations are cut (--json has them whole)
  const line = (f: Finding): string => {
    const full = pick(f.status === 'insufficient-data' && f.needs ? f.needs : f.explanation)
      .replace(/\s+/g, ' ')
      .trim()
    const chars = [...full]
    return chars.length > LINE ? `${chars.slice(0, LINE - 1).join('')}…` : full
  }
  const s = summariseDiagnosis(d)
  const blocks: Block[] = [
    {
      kind: 'table',
      title,
      head: z ? HEAD.zh : HEAD.en,
      rows: d.findings.map((f) => [
        f.rule,
        pick(DIMENSIONS[f.dimension]),
        pick(STATUS[f.status]),
        pick(SEVERITY[f.severity]),
        line(f),
      ]),
    },
    {
      kind: 'values',
      title: z ? '各维度（触发 / 未触发 / 数据不足）' : 'By dimension (fired / clear / insufficient data)',
      rows: Object.entries(s.byDimension).map(([k, c]) => [
        pick(DIMENSIONS[k as keyof typeof DIMENSIONS]),
        `${c.fired} / ${c.clear} / ${c['insufficient-data']}`,
      ]),
    },
  ]
  const recs = s.fired.flatMap((id) => {
    const f = d.findings.find((x) => x.rule === id)!
    return f.recommendations.map((r) => `${id}: ${pick(r.text)}`)
  })
  if (recs.length) blocks.push({ kind: 'text', title: z ? '建议' : 'Recommendations', lines: recs })
  return renderText(blocks, lang)
}

export async function runDiagnose(argv: string[], io: Io): Promise<number> {
  const c = parse('diagnose', argv, { json: { type: 'boolean' } })
  const z = c.lang === 'zh-CN'
  let d: Diagnosis
  let title: string
  if (c.file !== null) {
    const { network, warnings } = loadNetwork(c.file, c.input)
    reportWarnings(io, warnings, c.file)
    d = diagnose({ network })
    title = z ? `诊断：${c.file}` : `Diagnosis: ${c.file}`
  } else {
    const r = await onCommunity(c.community!, c.lang, (svc, store, community) =>
      svc.diagnoseCommunity(store, community, { period: c.period, now: new Date().toISOString() }),
    )
    d = r.diagnosis
    const name = z ? r.community.nameZh : (r.community.nameEn ?? r.community.nameZh)
    title = z
      ? `诊断：${name}，${r.period.from} 至 ${r.period.to}`
      : `Diagnosis: ${name}, ${r.period.from} to ${r.period.to}`
  }
  io.out(c.values.json ? JSON.stringify({ findings: d.findings }, null, 2) + '\n' : text(d, c.lang, title))
  return 0
}

export async function runReport(argv: string[], io: Io): Promise<number> {
  const c = parse('report', argv, {
    format: { type: 'string' },
    out: { type: 'string' },
    'size-by': { type: 'string' },
  })
  const format = (c.values.format as string | undefined) ?? 'html'
  if (!REPORT_FORMATS.includes(format as ReportFormat)) throw new UsageError(say(c.lang, 'format', format))
  const sizeBy = c.values['size-by'] as string | undefined
  if (sizeBy !== undefined && !(SIZE_MEASURES as readonly string[]).includes(sizeBy))
    throw new UsageError(say(c.lang, 'sizeBy', sizeBy))
  const now = new Date().toISOString()
  let body: Uint8Array
  let name: string
  if (c.file !== null) {
    const { network, warnings } = loadNetwork(c.file, c.input)
    reportWarnings(io, warnings, c.file)
    const model = buildResearchReport({
      lang: c.lang,
      title: basename(c.file),
      graph: network,
      sizeBy: sizeBy as SizeMeasure | undefined,
      generatedAt: now,
    })
    body = (await renderReport(model, format as ReportFormat)).body
    name = `${basename(c.file).replace(/\.[^.]+$/, '')}-report`
  } else {
    const r = await onCommunity(c.community!, c.lang, (svc, store, community) =>
      svc.diagnoseCommunity(store, community, {
        period: c.period,
        now,
        report: { format: format as ReportFormat, lang: c.lang, sizeBy: sizeBy as SizeMeasure | undefined },
      }),
    )
    body = r.report!.body
    name = `${r.community.code}-report-${r.period.from}_${r.period.to}`
  }
  const out = (c.values.out as string | undefined) ?? `${name}.${format}`
  try {
    writeFileSync(out, body)
  } catch (e) {
    throw new UsageError(`${say(c.lang, 'write', out)} (${(e as NodeJS.ErrnoException).code ?? String(e)})`)
  }
  io.err(`${t('wrote', c.lang)} ${out}\n`)
  return 0
}
