// Constraint violations of SQLite and PostgreSQL, read into one shape the repositories turn into StoreErrors.

/** A foreign-key or unique violation, with the columns involved when the database names them. */
export interface Violation {
  kind: 'foreign-key' | 'unique'
  /** Columns of the violated key: from the message on SQLite (unique only), from the detail on PostgreSQL. */
  columns: string[]
}

/** Reads a driver error as a constraint violation; undefined for any other error. */
export function violationOf(err: unknown): Violation | undefined {
  if (!(err instanceof Error)) return undefined
  const code = (err as { code?: unknown }).code
  switch (code) {
    // better-sqlite3: "FOREIGN KEY constraint failed" (no names), "UNIQUE constraint failed: accounts.username"
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return { kind: 'foreign-key', columns: [] }
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY': {
      const list = /constraint failed: (.+)$/.exec(err.message)?.[1] ?? ''
      return { kind: 'unique', columns: columnList(list).map((c) => c.slice(c.lastIndexOf('.') + 1)) }
    }
    // pg: detail "Key (community_id, actor_id)=(c1, a9) is not present in table "actors"." or "… already exists."
    case '23503':
    case '23505': {
      const detail = (err as { detail?: unknown }).detail
      const list = typeof detail === 'string' ? (/^Key \(([^)]*)\)=/.exec(detail)?.[1] ?? '') : ''
      return { kind: code === '23503' ? 'foreign-key' : 'unique', columns: columnList(list) }
    }
    default:
      return undefined
  }
}

function columnList(s: string): string[] {
  return s
    .split(',')
    .map((c) => c.trim().replace(/^"|"$/g, ''))
    .filter(Boolean)
}

/** The record field a key stands for: its last column other than community_id, in camelCase. */
export function fieldOf(columns: readonly string[]): string | undefined {
  const own = columns.filter((c) => c !== 'community_id')
  const last = own[own.length - 1] ?? columns[columns.length - 1]
  return last === undefined ? undefined : camel(last)
}

export function camel(column: string): string {
  return column.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase())
}
