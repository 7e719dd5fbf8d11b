// Reading constraint violations from both drivers' errors.

import { describe, expect, it } from 'vitest'
import { fieldOf, violationOf } from './errors.js'

const err = (message: string, props: Record<string, unknown>) => Object.assign(new Error(message), props)

describe('violationOf', () => {
  it('reads better-sqlite3 errors', () => {
    expect(violationOf(err('FOREIGN KEY constraint failed', { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }))).toEqual({
      kind: 'foreign-key',
      columns: [],
    })
    expect(
      violationOf(
        err('UNIQUE constraint failed: territories.level, territories.code', { code: 'SQLITE_CONSTRAINT_UNIQUE' }),
      ),
    ).toEqual({ kind: 'unique', columns: ['level', 'code'] })
    expect(
      violationOf(
        err('UNIQUE constraint failed: actors.community_id, actors.id', { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }),
      ),
    ).toEqual({ kind: 'unique', columns: ['community_id', 'id'] })
  })

  it('reads pg errors', () => {
    expect(
      violationOf(
        err('insert or update on table "ties" violates foreign key constraint "ties_source_fkey"', {
          code: '23503',
          detail: 'Key (community_id, source_id)=(c1, ghost) is not present in table "actors".',
        }),
      ),
    ).toEqual({ kind: 'foreign-key', columns: ['community_id', 'source_id'] })
    expect(
      violationOf(
        err('duplicate key value violates unique constraint "accounts_username_key"', {
          code: '23505',
          detail: 'Key (username)=(ann) already exists.',
        }),
      ),
    ).toEqual({ kind: 'unique', columns: ['username'] })
    expect(violationOf(err('no detail', { code: '23505' }))).toEqual({ kind: 'unique', columns: [] })
  })

  it('leaves other errors alone', () => {
    expect(violationOf(err('NOT NULL constraint failed: actors.name', { code: 'SQLITE_CONSTRAINT_NOTNULL' }))).toBe(
      undefined,
    )
    expect(violationOf(err('syntax error', { code: '42601' }))).toBe(undefined)
    expect(violationOf('not an error')).toBe(undefined)
  })
})

describe('fieldOf', () => {
  it('names the field a key stands for', () => {
    expect(fieldOf(['community_id', 'id'])).toBe('id')
    expect(fieldOf(['community_id', 'source_id'])).toBe('sourceId')
    expect(fieldOf(['level', 'code'])).toBe('code')
    expect(fieldOf(['token_hash'])).toBe('tokenHash')
    expect(fieldOf([])).toBe(undefined)
  })
})
