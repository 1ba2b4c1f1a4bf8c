import { describe, expect, it } from 'vitest';
import { systemActor } from '../orgchart/Actor.js';
import { setDeputy } from '../orgchart/setDeputy.js';
import { anyOf, hasRole, hasScope } from '../policies/Policy.js';
import { defineApiRoute } from './ApiRoute.js';
import { useTestApp } from './useTestApp.js';

const echo = defineApiRoute<{ name: string; items: { qty: number }[] }, { limit: number }>({
  method: 'post',
  path: '/test/echo',
  operationId: 'echo',
  summary: 'Echoes its input',
  tag: 'test',
  policy: anyOf(hasRole('admin'), hasScope('orgchart:write')),
  query: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, default: 10 } } },
  body: {
    type: 'object',
    required: ['name', 'items'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', minLength: 1 },
      items: {
        type: 'array',
        items: { type: 'object', required: ['qty'], properties: { qty: { type: 'integer', minimum: 1 } } },
      },
    },
  },
  responses: { 200: { description: 'The input.' } },
  async handle({ body, query, actor }) {
    return { status: 200, json: { body, query, actor } };
  },
});

describe('apiRouter', () => {
  const app = useTestApp({ extraRoutes: () => [echo] });

  it('should validate the body and query, coerce the query and pass the actor to the handler', async () => {
    // given an admin
    const admin = await app.as('admin');
    // when they send a valid body with a numeric query parameter as text
    const response = await admin.request('POST', '/api/v1/test/echo?limit=5', { name: 'x', items: [{ qty: 2 }] });
    // then the handler sees typed input and who acts
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      body: { name: 'x', items: [{ qty: 2 }] },
      query: { limit: 5 },
      actor: { userId: await app.userId('n.papadopoulos') },
    });
  });

  it('should name the field at fault as a JSON path with a message a person can act on', async () => {
    const admin = await app.as('admin');
    // when an item's quantity is zero, a field is missing and an unknown one is sent
    const nested = await admin.request('POST', '/api/v1/test/echo', { name: 'x', items: [{ qty: 1 }, { qty: 0 }] });
    const missing = await admin.request('POST', '/api/v1/test/echo', { items: [] });
    const unknown = await admin.request('POST', '/api/v1/test/echo', { name: 'x', items: [], colour: 'red' });
    const query = await admin.request('POST', '/api/v1/test/echo?limit=zero', { name: 'x', items: [] });
    // then each answer names where the input is wrong
    expect(nested.status).toBe(400);
    expect(nested.json.error).toMatchObject({
      id: 'invalid_request',
      field: 'body.items[1].qty',
      message: 'body.items[1].qty must be >= 1.',
    });
    expect(missing.json.error).toMatchObject({ field: 'body.name', message: 'body.name is required.' });
    expect(unknown.json.error).toMatchObject({ field: 'body.colour', message: 'body.colour is not a known field.' });
    expect(query.json.error).toMatchObject({ field: 'query.limit' });
  });

  it('should refuse malformed JSON and other media types with their own error ids', async () => {
    const admin = await app.as('admin');
    const malformed = await admin.request('POST', '/api/v1/test/echo', '{"name": ', {
      'content-type': 'application/json',
    });
    const xml = await admin.request('POST', '/api/v1/test/echo', '<name/>', { 'content-type': 'application/xml' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error).toMatchObject({ id: 'invalid_json', field: 'body' });
    expect(xml.status).toBe(415);
    expect(xml.json.error.id).toBe('unsupported_media_type');
  });

  it('should ask anonymous callers to sign in, refuse other roles, and check the policy before the input', async () => {
    // given callers the policy does not admit, sending an invalid body
    const anonymous = await app.as('anonymous');
    const clerk = await app.as('clerk');
    const reader = await app.as('readerSystem');
    // when they call, then they learn nothing about the input
    const asAnonymous = await anonymous.request('POST', '/api/v1/test/echo', {});
    expect(asAnonymous.status).toBe(401);
    expect(asAnonymous.json.error.id).toBe('not_signed_in');
    const asClerk = await clerk.request('POST', '/api/v1/test/echo', {});
    expect(asClerk.status).toBe(403);
    expect(asClerk.json.error).toMatchObject({ id: 'forbidden' });
    expect(asClerk.json.error.message).toContain('role admin, or scope orgchart:write');
    expect((await reader.request('POST', '/api/v1/test/echo', {})).status).toBe(403);
  });

  it('should admit a system with the scope and audit it as that system, without a CSRF token', async () => {
    const writer = await app.as('writerSystem');
    const response = await writer.request('POST', '/api/v1/test/echo', { name: 'x', items: [] });
    expect(response.status).toBe(200);
    expect(response.json.actor).toMatchObject({ clientId: 'test-writerSystem' });
  });

  it('should refuse a change made with the session cookie but without its CSRF token', async () => {
    // given an admin's session, and a forged request that carries the cookie (as a browser would) but not the token
    const admin = await app.as('admin');
    const noToken = await admin.request('POST', '/api/v1/test/echo', { name: 'x', items: [] }, { 'x-csrf-token': '' });
    const wrongToken = await admin.request(
      'POST',
      '/api/v1/test/echo',
      { name: 'x', items: [] },
      { 'x-csrf-token': 'A'.repeat(43) },
    );
    // then both are refused, and reads need no token
    expect(noToken.status).toBe(403);
    expect(noToken.json.error.id).toBe('csrf_invalid');
    expect(wrongToken.status).toBe(403);
    expect((await admin.request('GET', '/api/v1/me', undefined, { 'x-csrf-token': '' })).status).toBe(200);
  });

  it('should refuse an invalid bearer token outright rather than treat the caller as anonymous', async () => {
    const response = await fetch(`${app.baseUrl}/api/v1/me`, { headers: { authorization: 'Bearer forged' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('invalid_token');
    expect(((await response.json()) as { error: { id: string } }).error.id).toBe('invalid_token');
  });

  it('should tell a signed-in user who they are, whom they deputise for today, and their CSRF token', async () => {
    // given k.petrou, named today as the deputy of s.ioannou
    const today = new Date().toISOString().slice(0, 10);
    const named = await setDeputy(app.db.knex, systemActor, {
      absentUserId: await app.userId('s.ioannou'),
      deputyUserId: await app.userId('k.petrou'),
      fromDate: today,
      toDate: today,
      reason: 'Άδεια',
    });
    expect(named.ok).toBe(true);
    const clerk = await app.as('clerk');
    // when
    const me = await clerk.request('GET', '/api/v1/me');
    // then
    expect(me.json.user).toMatchObject({
      username: 'k.petrou',
      kind: 'staff',
      roles: [{ role: 'clerk', orgUnitId: await app.unitId('DD.DHM') }],
      actingFor: [{ username: 's.ioannou' }],
    });
    expect(me.json.csrfToken).toMatch(/^[\w-]{43}$/);
  });
});
