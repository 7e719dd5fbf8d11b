// Growable typed-array columns of ties, so that readers and the builder allocate no object per tie.

/** Ties as columns: source and target index, weight, relation number, and where each was read. */
export class TieColumns {
  src = new Int32Array(256)
  dst = new Int32Array(256)
  w = new Float64Array(256)
  rel = new Int32Array(256)
  line = new Int32Array(256)
  col = new Int32Array(256)
  length = 0

  push(s: number, t: number, w: number, rel: number, line = 0, col = 0): void {
    if (this.length === this.src.length) this.grow()
    const k = this.length++
    this.src[k] = s
    this.dst[k] = t
    this.w[k] = w
    this.rel[k] = rel
    this.line[k] = line
    this.col[k] = col
  }

  private grow(): void {
    const twice = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2)
      b.set(a)
      return b
    }
    this.src = twice(this.src)
    this.dst = twice(this.dst)
    this.w = twice(this.w)
    this.rel = twice(this.rel)
    this.line = twice(this.line)
    this.col = twice(this.col)
  }
}
