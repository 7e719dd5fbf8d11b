// CLI error kinds: a usage mistake (exit 2) is told apart from a bug (exit 1).

/** A mistake in the command line: unknown option, missing file name, bad value. Exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}
