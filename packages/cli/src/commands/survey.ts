// `cosafe survey …`: relational surveys on the local database (SQLite, or PostgreSQL via DATABASE_URL).

import { parseArgs } from 'node:util'
import { SurveyInput } from '@cosafe/core'
import { UsageError } from '../errors.js'
import { writeOutput, type Io } from '../io.js'

export const SURVEY_HELP = `cosafe survey COMMAND COMMUNITY [SURVEY] [options]

Relational surveys on the database the server uses (./data/cosafe.db, COSAFE_DB or DATABASE_URL).

  list COMMUNITY                        surveys with their response rates
  create COMMUNITY --title T --relations INFO,JOINT_ACTION [--roster a,b,c | --roster all]
         [--respondents a,b] [--attitudes] [--scale MAX] [--deadline 2026-12-31T18:00:00+08:00]
         [--base-url http://host:3000]    design a survey (draft); prints each personal link once
  show COMMUNITY SURVEY                 status and who has answered
  open | close | reopen COMMUNITY SURVEY
  remind COMMUNITY SURVEY               remind those who have not submitted
  link COMMUNITY SURVEY RESPONDENT      a new personal link (the old one stops working)
  wave COMMUNITY SURVEY                 the next wave: same design, new draft, new links
  aggregate COMMUNITY SURVEY [--rule none|max|min|mean|both] [--missing missing|reconstruct]
         [--to json|csv|graphml|gexf|dl|pajek|matrix] [--out FILE]   the survey's network
  import COMMUNITY SURVEY FILE [--relation R]   answers from a roster matrix (CSV, or XLSX with
                                        one sheet per relation named by its code)
  export COMMUNITY SURVEY [--pseudonymise] [--out FILE]   raw answers as CSV

Add --json for machine-readable output.
`

type Sub = (args: string[]) => Promise<unknown>

const list = (s: string | undefined): string[] | undefined =>
  s
    ?.split(',')
    .map((x) => x.trim())
    .filter(Boolean)

export async function runSurvey(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      title: { type: 'string' },
      relations: { type: 'string' },
      roster: { type: 'string' },
      respondents: { type: 'string' },
      attitudes: { type: 'boolean' },
      scale: { type: 'string' },
      deadline: { type: 'string' },
      'base-url': { type: 'string' },
      rule: { type: 'string' },
      missing: { type: 'string' },
      relation: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      pseudonymise: { type: 'boolean' },
      json: { type: 'boolean' },
    },
  })
  const [command, community, ...rest] = positionals
  if (!command || !community)
    throw new UsageError('survey needs a command and a community id; run "cosafe survey --help"')
  const { storeFromEnv } = await import('@cosafe/store')
  const server = await import('@cosafe/server')
  const svc = server.surveys
  const store = await storeFromEnv()
  const ctx = { accountId: null }
  const need = (n: number, what: string): string[] => {
    if (rest.length < n) throw new UsageError(`survey ${command} needs ${what}`)
    return rest
  }
  const base = (values['base-url'] ?? 'http://localhost:3000').replace(/\/$/, '')
  const print = (json: unknown, text: string): void => io.out(values.json ? JSON.stringify(json, null, 2) + '\n' : text)
  const showLinks = (links: { respondentId: string; link: string }[]): string =>
    links.map((l) => `  ${l.respondentId.padEnd(20)} ${base}${l.link}`).join('\n') + '\n'
  try {
    if ((await store.territories.get(community))?.level !== 'community')
      throw new UsageError(`no community "${community}" in the database`)
    const subs: Record<string, Sub> = {
      list: async () => {
        const items = await Promise.all((await store.surveys.list(community)).map((s) => svc.withProgress(store, s)))
        print(
          items,
          items.length
            ? items
                .map(
                  (s) =>
                    `${s.id}  ${s.status.padEnd(6)} wave ${s.wave}  ${s.progress.submitted}/${s.progress.respondents} answered  ${s.title}`,
                )
                .join('\n') + '\n'
            : 'no surveys yet\n',
        )
      },
      create: async () => {
        const rosterArg = values.roster as string | undefined
        const rosterIds =
          rosterArg === undefined || rosterArg === 'all'
            ? (await store.actors.list(community, { limit: 1_000_000 })).map((a) => a.id)
            : list(rosterArg)!
        const parsed = SurveyInput.safeParse({
          title: values.title,
          relations: list(values.relations as string | undefined),
          rosterIds,
          respondentIds: list(values.respondents as string | undefined),
          attitudes: Boolean(values.attitudes),
          ...(values.scale !== undefined ? { scale: { min: 0, max: Number(values.scale) } } : {}),
          deadline: values.deadline,
        })
        if (!parsed.success)
          throw new UsageError(parsed.error.issues.map((i) => `--${String(i.path[0] ?? '')}: ${i.message}`).join('; '))
        const r = await svc.createSurvey(store, ctx, community, parsed.data)
        print(
          r,
          `created survey ${r.survey.id} (draft; "cosafe survey open ${community} ${r.survey.id}" opens it)\npersonal links (shown only now):\n${showLinks(r.links)}`,
        )
      },
      show: async ([id]) => {
        const s = await svc.withProgress(store, await svc.loadSurvey(store, community, id!))
        print(
          s,
          `${s.title} (wave ${s.wave}, ${s.status}${s.deadline ? `, deadline ${s.deadline}` : ''})\n` +
            `relations: ${s.relations.join(', ')}; answered ${s.progress.submitted} of ${s.progress.respondents}\n` +
            s.responses
              .map(
                (r) => `  ${r.respondentId.padEnd(20)} ${r.status}${r.reminders ? ` (reminded ${r.reminders}×)` : ''}`,
              )
              .join('\n') +
            '\n',
        )
      },
      remind: async ([id]) => {
        const r = await svc.remind(store, ctx, community, id!, undefined, { remind: async () => {} })
        print(r, r.reminded.length ? `reminded: ${r.reminded.join(', ')}\n` : 'everyone has answered\n')
      },
      link: async ([id, respondent]) => {
        if (!respondent) throw new UsageError('survey link needs the respondent id')
        const r = await svc.resetLink(store, ctx, community, id!, respondent)
        print(r, showLinks(r.links))
      },
      wave: async ([id]) => {
        const r = await svc.nextWave(store, ctx, community, id!, {
          deadline: (values.deadline as string | undefined) ?? null,
        })
        print(
          r,
          `created wave ${r.survey.wave} as survey ${r.survey.id} (draft)\npersonal links (shown only now):\n${showLinks(r.links)}`,
        )
      },
    }
    for (const t of ['open', 'close', 'reopen'] as const)
      subs[t] = async ([id]) => {
        const s = await svc.transition(store, ctx, community, id!, t)
        print(s, `survey ${s.id} is ${s.status}\n`)
      }
    const extra = await import('./surveyData.js')
    const data = extra.dataCommands(community, values, print, (text, out) => writeOutput(io, text, out, 'wrote'))
    for (const [name, d] of Object.entries(data)) subs[name] = (args) => d(store, args)
    const sub = subs[command]
    if (!sub) throw new UsageError(`unknown survey command "${command}"; run "cosafe survey --help"`)
    if (command !== 'list' && command !== 'create') need(1, 'a survey id')
    await sub(rest)
    return 0
  } catch (e) {
    if (e instanceof server.HttpError) throw new UsageError(e.issues.length ? `${e.message}` : e.message)
    throw e
  } finally {
    await store.close()
  }
}
