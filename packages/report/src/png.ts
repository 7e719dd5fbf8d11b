// A small PNG encoder: 图片编码 — RGB, 8 bits, zlib with fixed-Huffman deflate (LZ77 over a 32 KiB window), CRC-32, Adler-32.
//
// Enough for figures (large flat areas compress well with LZ77 alone); pure TypeScript, no I/O.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

export function crc32(data: Uint8Array, start = 0, end = data.length): number {
  let c = 0xffffffff
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

export function adler32(data: Uint8Array): number {
  let a = 1
  let b = 0
  for (let i = 0; i < data.length;) {
    const end = Math.min(data.length, i + 5552)
    for (; i < end; i++) {
      a += data[i]!
      b += a
    }
    a %= 65521
    b %= 65521
  }
  return ((b << 16) | a) >>> 0
}

class BitWriter {
  buf = new Uint8Array(1 << 16)
  len = 0
  bits = 0
  count = 0
  private ensure(): void {
    if (this.len + 8 > this.buf.length) {
      const b = new Uint8Array(this.buf.length * 2)
      b.set(this.buf)
      this.buf = b
    }
  }
  /** Writes the n low bits of value, least significant first. */
  write(value: number, n: number): void {
    this.bits |= value << this.count
    this.count += n
    while (this.count >= 8) {
      this.ensure()
      this.buf[this.len++] = this.bits & 0xff
      this.bits >>>= 8
      this.count -= 8
    }
  }
  /** Writes a Huffman code (most significant bit first). */
  code(code: number, n: number): void {
    let r = 0
    for (let i = 0; i < n; i++) r |= ((code >>> i) & 1) << (n - 1 - i)
    this.write(r, n)
  }
  finish(): Uint8Array {
    if (this.count > 0) {
      this.ensure()
      this.buf[this.len++] = this.bits & 0xff
      this.bits = 0
      this.count = 0
    }
    return this.buf.subarray(0, this.len)
  }
}

const LEN_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
]
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
  8193, 12289, 16385, 24577,
]
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

function literal(w: BitWriter, sym: number): void {
  if (sym < 144) w.code(0x30 + sym, 8)
  else if (sym < 256) w.code(0x190 + sym - 144, 9)
  else if (sym < 280) w.code(sym - 256, 7)
  else w.code(0xc0 + sym - 280, 8)
}

function match(w: BitWriter, length: number, distance: number): void {
  let l = LEN_BASE.length - 1
  while (LEN_BASE[l]! > length) l--
  literal(w, 257 + l)
  if (LEN_EXTRA[l]) w.write(length - LEN_BASE[l]!, LEN_EXTRA[l]!)
  let d = DIST_BASE.length - 1
  while (DIST_BASE[d]! > distance) d--
  w.code(d, 5)
  if (DIST_EXTRA[d]) w.write(distance - DIST_BASE[d]!, DIST_EXTRA[d]!)
}

/** Raw deflate (RFC 1951), one fixed-Huffman block, greedy LZ77 with hash chains. */
export function deflateRaw(data: Uint8Array): Uint8Array {
  const w = new BitWriter()
  w.write(1, 1) // final block
  w.write(1, 2) // fixed Huffman
  const WINDOW = 32768
  const HASH = 1 << 15
  const head = new Int32Array(HASH).fill(-1)
  const prev = new Int32Array(WINDOW).fill(-1)
  const n = data.length
  const hash = (i: number): number => ((data[i]! << 10) ^ (data[i + 1]! << 5) ^ data[i + 2]!) & (HASH - 1)
  const insert = (i: number): void => {
    if (i + 2 >= n) return
    const h = hash(i)
    prev[i & (WINDOW - 1)] = head[h]!
    head[h] = i
  }
  let i = 0
  while (i < n) {
    let bestLen = 0
    let bestDist = 0
    if (i + 2 < n) {
      let cand = head[hash(i)]!
      let chain = 48
      const maxLen = Math.min(258, n - i)
      while (cand >= 0 && i - cand <= WINDOW && chain-- > 0) {
        if (data[cand + bestLen] === data[i + bestLen]) {
          let l = 0
          while (l < maxLen && data[cand + l] === data[i + l]) l++
          if (l > bestLen) {
            bestLen = l
            bestDist = i - cand
            if (l === maxLen) break
          }
        }
        const p = prev[cand & (WINDOW - 1)]!
        if (p >= cand) break
        cand = p
      }
    }
    if (bestLen >= 3) {
      match(w, bestLen, bestDist)
      for (let k = 0; k < bestLen; k++) insert(i + k)
      i += bestLen
    } else {
      literal(w, data[i]!)
      insert(i)
      i++
    }
  }
  literal(w, 256)
  return w.finish()
}

/** zlib stream (RFC 1950) around deflateRaw. */
export function zlib(data: Uint8Array): Uint8Array {
  const body = deflateRaw(data)
  const out = new Uint8Array(body.length + 6)
  out[0] = 0x78
  out[1] = 0x01
  out.set(body, 2)
  const a = adler32(data)
  out[out.length - 4] = a >>> 24
  out[out.length - 3] = (a >>> 16) & 0xff
  out[out.length - 2] = (a >>> 8) & 0xff
  out[out.length - 1] = a & 0xff
  return out
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const v = new DataView(out.buffer)
  v.setUint32(0, data.length)
  for (let k = 0; k < 4; k++) out[4 + k] = type.charCodeAt(k)
  out.set(data, 8)
  v.setUint32(8 + data.length, crc32(out, 4, 8 + data.length))
  return out
}

/**
 * A PNG of an RGB image (3 bytes per pixel, rows top to bottom).
 *
 * @example
 * encodePng(2, 1, new Uint8Array([255, 0, 0, 0, 0, 255])) // a red and a blue pixel
 */
export function encodePng(width: number, height: number, rgb: Uint8Array): Uint8Array {
  if (rgb.length !== width * height * 3) throw new RangeError(`expected ${width * height * 3} bytes, got ${rgb.length}`)
  const stride = width * 3
  const raw = new Uint8Array((stride + 1) * height)
  for (let y = 0; y < height; y++) {
    // filter 1 (Sub) makes flat runs zeros, which LZ77 packs tightly
    const o = y * (stride + 1)
    raw[o] = 1
    const row = y * stride
    for (let x = 0; x < stride; x++) raw[o + 1 + x] = (rgb[row + x]! - (x >= 3 ? rgb[row + x - 3]! : 0)) & 0xff
  }
  const ihdr = new Uint8Array(13)
  const v = new DataView(ihdr.buffer)
  v.setUint32(0, width)
  v.setUint32(4, height)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // RGB
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}
