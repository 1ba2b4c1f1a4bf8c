import { ApiError, toApiError } from './ApiError';

/** What the API client needs from the app. */
export interface ApiClientOptions {
  /** e.g. `/api/v1` */
  readonly base: string;
  /** The CSRF token from `GET /me`, sent as `X-CSRF-Token` with every state-changing request. */
  readonly csrfToken: () => string | undefined;
  /** Called on 401 `not_signed_in` (the session expired), before the error is thrown. */
  readonly onUnauthorized?: () => void;
  readonly fetch?: typeof fetch;
}

/** A query string's values; undefined, null and '' are left out. */
export type Query = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** A thin JSON client of the Polis API: errors become {@link ApiError}s, never unchecked answers. */
export interface ApiClient {
  get<T>(path: string, query?: Query): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  delete(path: string): Promise<void>;
  /** The URL of a path with a query, for links (CSV downloads) rather than fetches. */
  url(path: string, query?: Query): string;
}

/** Renders a query, leaving out empty values so that filters the user did not set are not sent. */
export function queryString(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Creates the API client. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const url = (path: string, query?: Query) => `${options.base}${path}${queryString(query)}`;

  async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET') {
      const token = options.csrfToken();
      if (token) headers['X-CSRF-Token'] = token;
    }
    let response: Response;
    try {
      response = await doFetch(url(path, query), {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw new ApiError('network_error', cause instanceof Error ? cause.message : String(cause), 0);
    }
    if (!response.ok) {
      const error = toApiError(response.status, await response.text());
      if (error.status === 401) options.onUnauthorized?.();
      throw error;
    }
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  return {
    get: (path, query) => request('GET', path, undefined, query),
    post: (path, body) => request('POST', path, body),
    patch: (path, body) => request('PATCH', path, body),
    put: (path, body) => request('PUT', path, body),
    delete: (path) => request('DELETE', path),
    url,
  };
}
