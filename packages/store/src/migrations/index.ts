// The migrations in the order they run. Append only: a migration that has shipped is never edited or removed.

import type { Kysely } from 'kysely'
import * as m0001 from './0001_initial.js'
import * as m0002 from './0002_surveys.js'
import * as m0003 from './0003_matters.js'

export interface Migration {
  name: string
  up(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<void>
}

export const MIGRATIONS: readonly Migration[] = [
  { name: '0001_initial', up: m0001.up },
  { name: '0002_surveys', up: m0002.up },
  { name: '0003_matters', up: m0003.up },
]
