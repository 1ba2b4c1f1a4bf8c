import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../http/useTestApp.js';

describe('the api clients routes', () => {
  const app = useTestApp();

  it('should register a system, show its secret once, list it without the secret and revoke it, audited', async () => {
    // given an admin
    const admin = await app.as('admin');
    // when they register a system
    const registered = await admin.request('POST', '/api/v1/api-clients', {
      name: 'Σύστημα ηλεκτρονικού πρωτοκόλλου',
      scopes: ['orgchart:read', 'audit:read'],
    });
    // then the answer carries the credentials, and the list does not
    expect(registered.status).toBe(201);
    const { clientId, clientSecret } = registered.json as { clientId: string; clientSecret: string };
    expect(clientSecret).toMatch(/^[\w-]{43}$/);
    const list = await admin.request('GET', '/api/v1/api-clients');
    expect(list.json.clients).toEqual([
      expect.objectContaining({ clientId, scopes: ['orgchart:read', 'audit:read'], revokedAt: null }),
    ]);
    expect(list.text).not.toContain(clientSecret);
    // when they revoke it
    const revoked = await admin.request('POST', `/api/v1/api-clients/${clientId}/revoke`);
    // then it is listed as revoked, and both changes are in the audit trail
    expect(revoked.status).toBe(200);
    expect((await admin.request('GET', '/api/v1/api-clients')).json.clients[0].revokedAt).toBe(revoked.json.revokedAt);
    const trail = await admin.request('GET', `/api/v1/audit?objectId=${clientId}`);
    expect(trail.status).toBe(200);
    expect(trail.json.entries.map((e: { action: string }) => e.action)).toEqual([
      'api_client.revoked',
      'api_client.registered',
    ]);
  });

  it('should name the unknown scope, the unknown client, and refuse everyone but admins', async () => {
    const admin = await app.as('admin');
    const badScope = await admin.request('POST', '/api/v1/api-clients', { name: 'X', scopes: ['everything'] });
    expect(badScope.status).toBe(400);
    expect(badScope.json.error.field).toBe('body.scopes[0]');
    const unknown = await admin.request('POST', '/api/v1/api-clients/api-00000000-0000-4000-8000-000000000000/revoke');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.id).toBe('api_client_not_found');
    for (const persona of ['clerk', 'manager', 'writerSystem'] as const)
      expect((await (await app.as(persona)).request('GET', '/api/v1/api-clients')).status).toBe(403);
  });
});
