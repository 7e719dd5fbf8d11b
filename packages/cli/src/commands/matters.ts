// `cosafe matters …`: safety matters on the local database — import 12345 orders, list, show, KPIs.

import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { DEFAULT_DEADLINES, MATTER_STATE_CODES, MATTER_STATES, matterKpis, type MatterState } from '@cosafe/core'
import { UsageError } from '../errors.js'
import type { Io } from '../io.js'

export const MATTERS_HELP = `cosafe matters COMMAND --community ID [options]

Safety matters on the database the server uses (./data/cosafe.db, COSAFE_DB or DATABASE_URL).

  import FILE --community ID          12345 orders from CSV or XLSX (工单编号, 受理时间, 问题分类,
                                      诉求内容, 地址 …, with their history when the file has it);
                                      every row is checked first: all are imported or none
  list --community ID [--state S,…] [--overdue] [--limit N]   newest first
  show ID --community ID              one matter with every step (who, when, what)
  kpis --community ID [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--min-sample N]
                                      response, resolution, satisfaction, on-time, reopen rates, hand-offs

Add --json for machine-readable output, --lang zh-CN for Chinese state names.
`

export async function runMatters(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      community: { type: 'string' },
      state: { type: 'string' },
      overdue: { type: 'boolean' },
      limit: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'min-sample': { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
    },
  })
  const [command, arg] = positionals
  const community = values.community
  if (!command) throw new UsageError('matters needs a command; run "cosafe matters --help"')
  if (!community) throw new UsageError('matters needs --community ID')
  const zh = values.lang === 'zh-CN'
  const { storeFromEnv } = await import('@cosafe/store')
  const server = await import('@cosafe/server')
  const svc = server.matters
  const store = await storeFromEnv()
  const print = (json: unknown, text: string): void => io.out(values.json ? JSON.stringify(json, null, 2) + '\n' : text)
  const stateName = (s: MatterState) => (zh ? MATTER_STATES[s].zh : MATTER_STATES[s].en)
  const now = new Date().toISOString()
  try {
    await store.migrate()
    if ((await store.territories.get(community))?.level !== 'community')
      throw new UsageError(`no community "${community}" in the database`)
    if (command === 'import') {
      if (!arg) throw new UsageError('matters import needs a CSV or XLSX file')
      let bytes: Buffer
      try {
        bytes = readFileSync(arg)
      } catch (e) {
        throw new UsageError(`${arg}: ${(e as Error).message}`)
      }
      const sheet = (await server.readSheets(bytes, /\.xlsx$/i.test(arg), arg))[0]!
      const rows = sheet.rows.map((r) => ({
        line: r.line,
        cells: Object.fromEntries(sheet.header.map((h, i) => [h, r.cells[i] ?? ''])),
      }))
      const ctx = {
        store,
        now: () => new Date(),
        deadlines: DEFAULT_DEADLINES,
        notifier: { reporter: async () => {}, actor: async () => {} },
        log: () => {},
      }
      const r = await svc.importOrders(ctx, community, sheet.header, rows, null)
      print(r, `imported ${r.imported} order${r.imported === 1 ? '' : 's'} into ${community}\n`)
      return 0
    }
    if (command === 'list') {
      const states = values.state
        ?.split(',')
        .map((x) => x.trim())
        .filter(Boolean)
      for (const s of states ?? [])
        if (!(MATTER_STATE_CODES as string[]).includes(s))
          throw new UsageError(`--state: unknown state "${s}" (${MATTER_STATE_CODES.join(', ')})`)
      const limit = values.limit === undefined ? 100 : Number(values.limit)
      if (!Number.isSafeInteger(limit) || limit < 1) throw new UsageError('--limit: a whole number ≥ 1')
      const items = await store.matters.list(
        community,
        values.overdue
          ? { states: (states as MatterState[] | undefined) ?? svc.OPEN_STATES, dueBefore: now }
          : { states: states as MatterState[] | undefined },
        { limit },
      )
      print(
        items.map((m) => svc.withDeadline(m, now)),
        items.length
          ? items
              .map((m) => {
                const d = svc.withDeadline(m, now).deadline
                return `${m.id}  ${m.receivedAt.slice(0, 16)}  ${stateName(m.state).padEnd(12)} ${m.category.padEnd(18)} ${d.overdue && !d.stopped ? 'OVERDUE ' : ''}${m.externalId ?? ''}`
              })
              .join('\n') + '\n'
          : 'no matters\n',
      )
      return 0
    }
    if (command === 'show') {
      if (!arg) throw new UsageError('matters show needs a matter id')
      const m = await store.matters.get(community, arg)
      if (!m) throw new UsageError(`no matter "${arg}" in ${community}`)
      const events = await store.matters.events(community, arg)
      const d = svc.withDeadline(m, now).deadline
      print(
        { ...svc.withDeadline(m, now), events },
        `${m.id} · ${m.category} · ${stateName(m.state)} · due ${m.dueAt}${d.overdue ? ' (overdue)' : ''}\n${m.description}\n` +
          events
            .map((e) => `  ${String(e.seq).padStart(3)} ${e.at}  ${e.kind.padEnd(10)} ${e.actorId ?? ''}`)
            .join('\n') +
          '\n',
      )
      return 0
    }
    if (command === 'kpis') {
      const minSample = values['min-sample'] === undefined ? undefined : Number(values['min-sample'])
      if (minSample !== undefined && !(Number.isSafeInteger(minSample) && minSample >= 1))
        throw new UsageError('--min-sample: a whole number ≥ 1')
      const k = matterKpis(await store.matters.list(community), { now, from: values.from, to: values.to, minSample })
      const line = (name: string, v: { value: number | null; numerator: number; denominator: number }, rate = true) =>
        `  ${name.padEnd(22)} ${v.value === null ? `— (n = ${v.denominator} < ${k.minSample})` : rate ? `${(v.value * 100).toFixed(1)} % (${v.numerator}/${v.denominator})` : `${v.value} (n = ${v.denominator})`}`
      print(
        k,
        `${k.matters} matters${k.period.from || k.period.to ? ` received ${k.period.from ?? '…'} – ${k.period.to ?? '…'}` : ''}\n` +
          (Object.keys(k.definitions) as (keyof typeof k.definitions)[])
            .map((key) =>
              line(zh ? k.definitions[key].zh : k.definitions[key].en, k.community[key], key !== 'handoffs'),
            )
            .join('\n') +
          '\n',
      )
      return 0
    }
    throw new UsageError(`unknown matters command "${command}"; run "cosafe matters --help"`)
  } catch (e) {
    if (e instanceof server.HttpError)
      throw new UsageError(
        e.issues.length
          ? `${e.message}\n${e.issues.map((i) => `  line ${i.line ?? '-'}, ${i.field}: ${i.reason}`).join('\n')}`
          : e.message,
      )
    throw e
  } finally {
    await store.close()
  }
}
