import { computed, reactive } from 'vue';
import { ApiError } from '../../shared/api/ApiError';
import { createApiClient } from '../../shared/api/createApiClient';
import { orgApi } from './api/orgApi';
import type { Me } from './api/types';

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

/** The org chart API of this session. */
export const api = orgApi(
  createApiClient({ base: '/api/v1', csrfToken: () => session.me?.csrfToken, onUnauthorized: signIn }),
);

let loading: Promise<void> | undefined;

/**
 * Loads who is signed in, once per page load (the app and the router's first navigation both wait for it); an
 * expired session goes to sign-in, any other failure is kept to show.
 */
export function loadSession(): Promise<void> {
  loading ??= api.me().then(
    (me) => {
      session.me = me;
    },
    (error: unknown) => {
      session.failure = error instanceof ApiError ? error : new ApiError('network_error', String(error), 0);
    },
  );
  return loading;
}

/** Whether the user works tasks: a clerk or head of unit, or deputising today for a colleague who does. */
export const worksTasks = computed(
  () =>
    (session.me?.user.roles.some((r) => r.role === 'clerk' || r.role === 'head_of_unit') ?? false) ||
    (session.me?.user.actingFor?.length ?? 0) > 0,
);

/** Whether the user administers the org chart (an admin anywhere). */
export const isAdmin = computed(() => session.me?.user.roles.some((r) => r.role === 'admin') ?? false);

/** Whether the user may name deputies: an admin, or the head of a unit (the server checks which units). */
export const mayNameDeputies = computed(
  () => isAdmin.value || (session.me?.user.roles.some((r) => r.role === 'head_of_unit') ?? false),
);
