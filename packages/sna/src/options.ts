// Options merged over their defaults, where an option given as undefined keeps the default.

/**
 * `{ ...defaults, ...opts }` except that undefined values in `opts` do not replace a default
 * (callers often pass `{ seed: maybeSeed }`).
 *
 * @example
 * withDefaults({ seed: 1, restarts: 20 }, { seed: undefined }) // { seed: 1, restarts: 20 }
 */
export function withDefaults<D extends object, O extends object>(defaults: D, opts: O): Merged<D, O> {
  const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) }
  for (const [k, v] of Object.entries(opts)) if (v !== undefined) out[k] = v
  return out as Merged<D, O>
}

/** The type of the merge: an option's own type (never undefined) or its default's. */
export type Merged<D, O> = {
  [K in keyof D | keyof O]: K extends keyof O
    ? K extends keyof D
      ? Exclude<O[K], undefined> | D[K]
      : O[K]
    : K extends keyof D
      ? D[K]
      : never
}
