// The `cosafe` command: dispatches sub-commands and maps errors to exit statuses (0 ok, 2 bad input, 1 bug).

import { isParseError } from '@cosafe/sna'
import { ANALYZE_HELP, runAnalyze } from './commands/analyze.js'
import { CONVERT_HELP, runConvert } from './commands/convert.js'
import { runDemo } from './commands/demo.js'
import { MIGRATE_HELP, runMigrate, runServe, SERVE_HELP } from './commands/serve.js'
import { runSurvey, SURVEY_HELP } from './commands/survey.js'
import { DIAGNOSE_HELP, REPORT_HELP, runDiagnose, runReport } from './commands/diagnose.js'
import { MATTERS_HELP, runMatters } from './commands/matters.js'
import { EGO_HELP, KEYPLAYERS_HELP, runEgo, runKeyPlayers, runWhatIf, WHATIF_HELP } from './commands/actors.js'
import { MULTIPLEX_HELP, QAP_HELP, runMultiplex, runQap } from './commands/qap.js'
import { POSITIONS_HELP, runPositions, runSubgroups, SUBGROUPS_HELP } from './commands/structure.js'
import { UsageError } from './errors.js'
import { processIo, type Io } from './io.js'

export const HELP = `cosafe — collaborative public-safety governance networks

Usage:
  cosafe analyze FILE [options]     measures of a network file (cosafe analyze --help)
  cosafe convert IN OUT [options]   rewrite a network in another format (cosafe convert --help)
  cosafe subgroups FILE             components, cliques, k-plexes, communities, factions
  cosafe positions FILE             CONCOR blockmodel, structural equivalence, core–periphery
  cosafe ego FILE ID                one actor's ego network and structural holes
  cosafe keyplayers FILE --k K      the K actors whose removal or reach matters most
  cosafe whatif FILE --add a:b,…    every measure before and after a change of ties or actors
  cosafe qap A B | Y X1 X2 …        QAP correlation of two relations, or MRQAP regression
  cosafe multiplex FILE             the relations of a multiplex file compared
  cosafe serve [--port N]           the HTTP API on SQLite (or PostgreSQL via DATABASE_URL)
  cosafe migrate                    apply database migrations
  cosafe survey COMMAND …           relational surveys: create, links, status, aggregate, import, export
  cosafe matters COMMAND …          safety matters: import 12345 orders, list, show, KPIs
  cosafe diagnose FILE|--community ID   every diagnosis rule: fired, clear or insufficient data
  cosafe report FILE|--community ID     the report as HTML, DOCX or XLSX (--format, --out)
  cosafe demo [--lang zh-CN]        analyse the bundled example community
  cosafe help | --help              this text
  cosafe --version                  the version

Every command takes --json, --table (default) or --csv, --out FILE and --lang en|zh-CN.
Formats: CSV/TSV edge list (+ node table), adjacency-matrix CSV, UCINET DL, Pajek NET,
GraphML, GEXF 1.2/1.3, cosafe JSON. Exit status: 0 success, 2 bad input, 1 internal error.
`

const COMMANDS: Record<string, { run: (argv: string[], io: Io) => number | Promise<number>; help: string }> = {
  serve: { run: runServe, help: SERVE_HELP },
  migrate: { run: runMigrate, help: MIGRATE_HELP },
  survey: { run: runSurvey, help: SURVEY_HELP },
  matters: { run: runMatters, help: MATTERS_HELP },
  diagnose: { run: runDiagnose, help: DIAGNOSE_HELP },
  report: { run: runReport, help: REPORT_HELP },
  analyze: { run: runAnalyze, help: ANALYZE_HELP },
  convert: { run: runConvert, help: CONVERT_HELP },
  subgroups: { run: runSubgroups, help: SUBGROUPS_HELP },
  positions: { run: runPositions, help: POSITIONS_HELP },
  ego: { run: runEgo, help: EGO_HELP },
  keyplayers: { run: runKeyPlayers, help: KEYPLAYERS_HELP },
  whatif: { run: runWhatIf, help: WHATIF_HELP },
  qap: { run: runQap, help: QAP_HELP },
  multiplex: { run: runMultiplex, help: MULTIPLEX_HELP },
  demo: {
    run: runDemo,
    help: 'cosafe demo [--lang en|zh-CN]\n\nAnalyses the bundled example community and shows what to do next.\n',
  },
}

/** Runs the command line and returns the exit status; never throws. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv
  try {
    if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
      const topic = name === 'help' && rest[0] ? COMMANDS[rest[0]] : undefined
      io.out(topic ? topic.help : HELP)
      return 0
    }
    if (name === '--version' || name === '-v') {
      io.out('cosafe 0.1.0\n')
      return 0
    }
    const cmd = COMMANDS[name]
    if (!cmd) throw new UsageError(`unknown command "${name}"; run "cosafe help"`)
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(cmd.help)
      return 0
    }
    return await cmd.run(rest, io)
  } catch (e) {
    if (isParseError(e)) {
      io.err(`cosafe: error: ${e.message} [${e.code}]\n`)
      return 2
    }
    if (e instanceof UsageError || isNodeArgError(e)) {
      io.err(`cosafe: ${(e as Error).message}\n`)
      return 2
    }
    const err = e as Error
    io.err(`cosafe: internal error: ${err?.message ?? String(e)}\n`)
    if (process.env.COSAFE_DEBUG) io.err(`${err?.stack ?? ''}\n`)
    return 1
  }
}

/** util.parseArgs reports unknown options and missing values with ERR_PARSE_ARGS_* codes. */
function isNodeArgError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')
}
