import { describe, expect, it } from 'vitest';
import { ApiError, normaliseField } from './ApiError';
import { createApiClient, queryString } from './createApiClient';

function fakeFetch(status: number, body: string) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(status === 204 ? null : body, { status });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

describe('createApiClient', () => {
  it('should send the CSRF token with a state-changing request but not with a read', async () => {
    // given a client that knows the session's CSRF token
    const { fetch, calls } = fakeFetch(200, '{"unit":{"id":"u1"}}');
    const api = createApiClient({ base: '/api/v1', csrfToken: () => 'tok', fetch });
    // when it reads and then changes something
    await api.get('/org/units');
    const answer = await api.patch<{ unit: { id: string } }>('/org/units/u1', { code: 'X' });
    // then only the change carries the token, and the answer is parsed
    expect(new Headers(calls[0]!.init.headers).get('X-CSRF-Token')).toBeNull();
    expect(new Headers(calls[1]!.init.headers).get('X-CSRF-Token')).toBe('tok');
    expect(calls[1]!.init.body).toBe('{"code":"X"}');
    expect(answer.unit.id).toBe('u1');
  });

  it('should turn an error answer into an ApiError naming the field at fault', async () => {
    const { fetch } = fakeFetch(
      409,
      '{"error":{"id":"org_unit_code_taken","message":"The code DD is taken","field":"body.code"}}',
    );
    const api = createApiClient({ base: '/api/v1', csrfToken: () => 'tok', fetch });
    const error = await api.post('/org/units', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      id: 'org_unit_code_taken',
      status: 409,
      field: 'code',
      message: 'The code DD is taken',
    });
  });

  it('should keep whom a refusal names and the form fields it lists', async () => {
    // given a task completed by someone else, and a completion with a field to correct
    const by = { userId: 'u2', username: 'm.panagiotou', displayNameEl: 'Μαρία', displayNameEn: 'Maria' };
    const problem = { field: 'body.data.reason', key: 'reason', message: { el: 'Υποχρεωτικό', en: 'Required' } };
    const taken = fakeFetch(409, JSON.stringify({ error: { id: 'task_already_completed', message: 'x', by } }));
    const invalid = fakeFetch(
      400,
      JSON.stringify({ error: { id: 'task_data_invalid', message: 'y', problems: [problem] } }),
    );
    // when the app posts them
    const first = await createApiClient({ base: '', csrfToken: () => 't', fetch: taken.fetch })
      .post('/c', {})
      .catch((e: unknown) => e);
    const second = await createApiClient({ base: '', csrfToken: () => 't', fetch: invalid.fetch })
      .post('/c', {})
      .catch((e: unknown) => e);
    // then the errors carry the person and the problems as sent
    expect(first).toMatchObject({ id: 'task_already_completed', status: 409, by });
    expect(second).toMatchObject({ id: 'task_data_invalid', problems: [problem] });
  });

  it('should report an expired session before throwing', async () => {
    const { fetch } = fakeFetch(401, '{"error":{"id":"not_signed_in","message":"Sign in first"}}');
    let expired = 0;
    const api = createApiClient({
      base: '/api/v1',
      csrfToken: () => undefined,
      fetch,
      onUnauthorized: () => expired++,
    });
    await expect(api.get('/me')).rejects.toMatchObject({ id: 'not_signed_in' });
    expect(expired).toBe(1);
  });

  it('should map a non-JSON error and an unreachable server to stable ids', async () => {
    const { fetch } = fakeFetch(502, '<html>Bad gateway</html>');
    const api = createApiClient({ base: '/api/v1', csrfToken: () => undefined, fetch });
    await expect(api.get('/me')).rejects.toMatchObject({ id: 'http_502', status: 502 });
    const offline = createApiClient({
      base: '/api/v1',
      csrfToken: () => undefined,
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof globalThis.fetch,
    });
    await expect(offline.get('/me')).rejects.toMatchObject({ id: 'network_error', status: 0 });
  });

  it('should leave unset filters out of the query string', () => {
    expect(queryString({ q: 'παπ', unitId: undefined, offset: 0, kind: '' })).toBe(
      `?q=${encodeURIComponent('παπ')}&offset=0`,
    );
    expect(queryString({})).toBe('');
  });

  it('should normalise the field paths the server may use', () => {
    expect(normaliseField('/nameEl')).toBe('nameEl');
    expect(normaliseField('body.toDate')).toBe('toDate');
    expect(normaliseField('.position')).toBe('position');
    expect(normaliseField('/memberships/0/position')).toBe('memberships.0.position');
    expect(normaliseField(undefined)).toBeUndefined();
  });
});
