// A progress bar on stderr for long work, shown only when stderr is a terminal.

export interface Progress {
  update(label: string, done: number, total: number): void
  done(): void
}

/** A progress bar that redraws at most ten times a second; a no-op when stderr is not a terminal. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr, minTotal = 2000): Progress {
  if (!stream.isTTY) return { update: () => {}, done: () => {} }
  let last = 0
  let shown = false
  return {
    update(label, done, total) {
      if (total < minTotal) return
      const now = Date.now()
      if (now - last < 100 && done < total) return
      last = now
      const width = 30
      const frac = total > 0 ? done / total : 1
      const fill = Math.round(frac * width)
      stream.write(
        `\r${label} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${(frac * 100).toFixed(0).padStart(3)}%`,
      )
      shown = true
    },
    done() {
      if (shown) stream.write('\r\x1b[K')
      shown = false
    },
  }
}
