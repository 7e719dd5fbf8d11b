// One loader for the reference set copied into fixtures/ (data in every format + expected values).

import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures')

export interface ReferenceEntry {
  dataset: string
  directed: boolean
  weighted: boolean
  twoMode: boolean
  nodes: number
  edges: number
  inputs: {
    files: { csv: string; nodesCsv: string; dl: string; pajek: string; graphml: string }
    attribute?: string
    coreAttribute?: string
    relation2?: string
  }
}

export interface Expected {
  dataset: string
  directed: boolean
  weighted?: boolean
  twoModeInput?: boolean
  network: Record<string, number>
  nodes?: Record<string, Record<string, number | null>>
  groups?: Record<string, unknown>
  twoMode?: Record<string, unknown>
}

export const REFERENCE: ReferenceEntry[] = JSON.parse(readFileSync(join(FIXTURES, 'index.json'), 'utf8'))

export function expected(name: string): Expected {
  return JSON.parse(readFileSync(join(FIXTURES, 'expected', `${name}.json`), 'utf8'))
}

export function fixture(rel: string): Buffer {
  return readFileSync(join(FIXTURES, rel))
}

export function fixturePath(rel: string): string {
  return join(FIXTURES, rel)
}

/** Relative 1e-6, absolute 1e-9 near zero: the tolerance of METRICS.md. */
export function close(actual: number, wanted: number): boolean {
  return Math.abs(actual - wanted) <= Math.max(1e-9, 1e-6 * Math.abs(wanted))
}

/** Lists every mismatch between expected and actual values (paths like "nodes.a.degree"). */
export function mismatches(exp: unknown, act: unknown, path = ''): string[] {
  if (exp === null) {
    return act === null ? [] : [`${path}: expected null, got ${JSON.stringify(act)}`]
  }
  if (typeof exp === 'number') {
    return typeof act === 'number' && close(act, exp) ? [] : [`${path}: expected ${exp}, got ${JSON.stringify(act)}`]
  }
  if (Array.isArray(exp)) {
    const canon = (x: unknown): string => (Array.isArray(x) ? JSON.stringify(x.map(canon).sort()) : JSON.stringify(x))
    return canon(exp) === canon(act) ? [] : [`${path}: lists differ`]
  }
  if (typeof exp === 'object') {
    const out: string[] = []
    for (const [k, v] of Object.entries(exp as Record<string, unknown>)) {
      const sub = act !== null && typeof act === 'object' ? (act as Record<string, unknown>)[k] : undefined
      out.push(...mismatches(v, sub, path ? `${path}.${k}` : k))
    }
    return out
  }
  return exp === act ? [] : [`${path}: expected ${JSON.stringify(exp)}, got ${JSON.stringify(act)}`]
}
