/** The person an error names (who holds or completed a task). */
export interface ApiErrorPerson {
  readonly userId: string;
  readonly username: string;
  readonly displayNameEl: string;
  readonly displayNameEn: string;
}

/** One field of submitted form data the server refused, as its JSON path (`body.data.reason`) and bilingual message. */
export interface ApiFieldProblem {
  readonly field: string;
  readonly key: string;
  readonly message: { readonly el: string; readonly en: string };
}

/** An error answer of the Polis API (`{ error: { id, message, field?, by?, problems? } }`), or a failure to reach it. */
export class ApiError extends Error {
  constructor(
    /** The stable id, e.g. `org_unit_code_taken`; `network_error` when the server could not be reached. */
    readonly id: string,
    message: string,
    /** The HTTP status; 0 when there was no answer. */
    readonly status: number,
    /** The input field at fault, normalised to a dotted path without the `body.` prefix or a leading slash. */
    readonly field?: string,
    /** Who the error is about, e.g. who completed a task first (409 `task_already_completed`). */
    readonly by?: ApiErrorPerson,
    /** The fields of submitted form data to correct (400 `task_data_invalid`), with their paths as sent. */
    readonly problems?: readonly ApiFieldProblem[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Normalises the `field` of an API error ("body.code", "/code", ".code") to the form's name ("code"). */
export function normaliseField(field: unknown): string | undefined {
  if (typeof field !== 'string' || field === '') return undefined;
  const dotted = field
    .replace(/^\/+/, '')
    .replace(/\//g, '.')
    .replace(/^\.+/, '')
    .replace(/^(body|query|params)\./, '');
  return dotted === '' ? undefined : dotted;
}

/** Builds the {@link ApiError} for a non-2xx answer from its status and (possibly non-JSON) body text. */
export function toApiError(status: number, bodyText: string): ApiError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    parsed = undefined;
  }
  const error = (
    parsed as
      { error?: { id?: unknown; message?: unknown; field?: unknown; by?: unknown; problems?: unknown } } | undefined
  )?.error;
  if (error && typeof error.id === 'string') {
    const message = typeof error.message === 'string' ? error.message : error.id;
    const by = typeof error.by === 'object' && error.by !== null ? (error.by as ApiErrorPerson) : undefined;
    const problems = Array.isArray(error.problems) ? (error.problems as ApiFieldProblem[]) : undefined;
    return new ApiError(error.id, message, status, normaliseField(error.field), by, problems);
  }
  return new ApiError(`http_${status}`, bodyText.slice(0, 200) || `HTTP ${status}`, status);
}
