import { computed, reactive } from 'vue';
import { ApiError } from '../../shared/api/ApiError';
import { createApiClient } from '../../shared/api/createApiClient';
import { portalApi } from './api/portalApi';
import type { Me } from './api/types';

/** Where the server's citizen sign-in starts, coming back to a page of the portal (a path under /portal/). */
export function signInUrl(returnTo: string = `${location.pathname}${location.search}`): string {
  return `/auth/login?as=citizen&returnTo=${encodeURIComponent(returnTo)}`;
}

/** Who is signed in: `null` for a visitor, `undefined` until `GET /me` has answered. */
export const session = reactive<{ me: Me | null | undefined; failure: ApiError | undefined }>({
  me: undefined,
  failure: undefined,
});

/** The portal's API of this session. */
export const api = portalApi(
  createApiClient({ base: '/api/v1', csrfToken: () => session.me?.csrfToken }),
  () => session.me?.csrfToken ?? undefined,
);

/** Loads who is signed in; most of the portal is public, so a visitor is not sent to sign in. */
export async function loadSession(): Promise<void> {
  try {
    session.me = await api.me();
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) session.me = null;
    else {
      session.me = null;
      session.failure = error instanceof ApiError ? error : new ApiError('network_error', String(error), 0);
    }
  }
}

/** Whether a citizen is signed in (staff may browse the catalogue but not apply). */
export const isCitizen = computed(() => session.me?.user.kind === 'citizen');
