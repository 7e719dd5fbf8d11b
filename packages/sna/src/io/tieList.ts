// Ties collected by the matrix and list readers (DL, Pajek) before direction is decided.

import type { NetworkBuilder } from '../builder.js'
import { TieColumns } from '../tieColumns.js'

/** Raw ties of a reader, with the symmetry test and the undirected merge the matrix formats need. */
export class TieList extends TieColumns {
  /** True when every tie s→t (per relation) is matched by t→s with the same value. */
  symmetric(): boolean {
    const seen = new Map<string, number>()
    for (let k = 0; k < this.length; k++) seen.set(`${this.rel[k]} ${this.src[k]} ${this.dst[k]}`, this.w[k]!)
    for (let k = 0; k < this.length; k++) {
      if (this.src[k] === this.dst[k]) continue
      if (seen.get(`${this.rel[k]} ${this.dst[k]} ${this.src[k]}`) !== this.w[k]) return false
    }
    return true
  }

  /**
   * Adds the ties to a builder. Directed: as listed. Undirected: a pair listed in both
   * directions is one tie (data such as UCINET matrices list both); when the two values
   * differ the larger is kept and W_ASYMMETRIC reported.
   */
  addTo(b: NetworkBuilder, relations: readonly string[], directed: boolean): void {
    if (directed) {
      for (let k = 0; k < this.length; k++) {
        b.addTie(this.src[k]!, this.dst[k]!, this.w[k]!, relations[this.rel[k]!]!, {
          line: this.line[k]!,
          column: this.col[k]!,
        })
      }
      return
    }
    const pair = new Map<string, number>() // "rel lo hi" → index of the first listing
    const weight = new Float64Array(this.length)
    const keep = new Uint8Array(this.length)
    for (let k = 0; k < this.length; k++) {
      const s = this.src[k]!
      const t = this.dst[k]!
      const key = `${this.rel[k]} ${Math.min(s, t)} ${Math.max(s, t)}`
      const first = pair.get(key)
      if (first === undefined || s === t) {
        pair.set(key, k)
        weight[k] = this.w[k]!
        keep[k] = 1
        continue
      }
      if (this.src[first] === s) {
        // the same direction twice: a real duplicate, left to the builder's policy
        weight[k] = this.w[k]!
        keep[k] = 1
        continue
      }
      if (this.w[k] !== weight[first]) {
        b.warn('W_ASYMMETRIC', { line: this.line[k]!, column: this.col[k]! })
        weight[first] = Math.max(weight[first]!, this.w[k]!)
      }
    }
    for (let k = 0; k < this.length; k++) {
      if (keep[k])
        b.addTie(this.src[k]!, this.dst[k]!, weight[k]!, relations[this.rel[k]!]!, {
          line: this.line[k]!,
          column: this.col[k]!,
        })
    }
  }
}

/** Quotes a name for DL and Pajek files when it holds separators or quotes (a quote is doubled). */
export function quoteName(s: string, always = false): string {
  return always || s === '' || /[\s,"=:!]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}
