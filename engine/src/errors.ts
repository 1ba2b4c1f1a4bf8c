/** Thrown when the database cannot be opened: a bad URL, an unreachable server, a locked data directory. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

/** Thrown when an engine invariant is broken; always a bug, never a user's mistake. */
export class InvariantViolation extends Error {
  override readonly name = 'InvariantViolation';
}
