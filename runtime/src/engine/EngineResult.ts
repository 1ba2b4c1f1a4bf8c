/** Why the engine refused or could not carry out a command: a gRPC status name and the gateway's reason. */
export interface EngineError {
  /** Zeebe's gRPC status, e.g. NOT_FOUND, INVALID_ARGUMENT, FAILED_PRECONDITION, RESOURCE_EXHAUSTED, UNAVAILABLE. */
  readonly code: string;
  readonly message: string;
}

/** The outcome of an engine command: the value, or an error the caller can act on. */
export type EngineResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: EngineError };

const STATUS_NAMES = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
] as const;

/**
 * Turns a gRPC status error into an EngineError; anything else (a bug on our side) is not an expected failure.
 * Returns undefined for errors that carry no gRPC status.
 */
export function engineErrorOf(error: unknown): EngineError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, details, message } = error as { code?: unknown; details?: unknown; message?: unknown };
  if (typeof code !== 'number' || code < 1 || code >= STATUS_NAMES.length) return undefined;
  const reason = typeof details === 'string' && details !== '' ? details : typeof message === 'string' ? message : '';
  return { code: STATUS_NAMES[code] as string, message: reason };
}
