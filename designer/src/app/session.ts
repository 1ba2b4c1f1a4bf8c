import { computed, reactive } from 'vue';
import { ApiError } from '@polis-web-shared/api/ApiError';
import { createApiClient } from '@polis-web-shared/api/createApiClient';
import { designApi, type RawAnswer } from './api/designApi';
import type { Me } from './api/types';

const BASE = '/api/v1';

/** Sends the browser through the server's sign-in, coming back to where the user was. */
export function signIn(): void {
  const here = `${location.pathname}${location.search}`;
  location.assign(`/auth/login?returnTo=${encodeURIComponent(here)}`);
}

/** The signed-in user and their CSRF token, once `GET /me` has answered. */
export const session = reactive<{ me: Me | undefined; failure: ApiError | undefined }>({
  me: undefined,
  failure: undefined,
});

async function raw<T>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<RawAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'X-CSRF-Token': session.me?.csrfToken ?? '',
      },
      body: JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError('network_error', cause instanceof Error ? cause.message : String(cause), 0);
  }
  if (response.status === 401) signIn();
  const json = (await response.json().catch(() => ({
    error: { id: `http_${response.status}`, message: response.statusText },
  }))) as RawAnswer<T>['json'];
  return { status: response.status, ok: response.ok, json };
}

/** The designer's API of this session. */
export const api = designApi(
  createApiClient({ base: BASE, csrfToken: () => session.me?.csrfToken, onUnauthorized: signIn }),
  raw,
);

/** Loads who is signed in; an expired session goes to sign-in, any other failure is kept to show. */
export async function loadSession(): Promise<void> {
  try {
    session.me = await api.me();
  } catch (error) {
    session.failure = error instanceof ApiError ? error : new ApiError('network_error', String(error), 0);
  }
}

/** Whether the user may design: an analyst or an admin (the server checks every call the same way). */
export const mayDesign = computed(
  () => session.me?.user.roles.some((r) => r.role === 'analyst' || r.role === 'admin') ?? false,
);
