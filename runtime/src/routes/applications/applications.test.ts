import { describe, expect, it } from 'vitest';
import { testSubmissionDependencies } from '../../applications/testSubmissionDependencies.js';
import { useTestApp } from '../../http/useTestApp.js';

describe('the applications routes', () => {
  const app = useTestApp({ dependencies: () => ({ submissions: testSubmissionDependencies() }) });
  let keys = 0;
  const post = async (data: unknown, key: string | null = `route-key-${++keys}`, serviceId = 'residence-certificate') =>
    (await app.as('citizen')).request(
      'POST',
      '/api/v1/applications',
      { serviceId, data },
      key === null ? {} : { 'idempotency-key': key },
    );

  it('should register an application with a protocol number and a receipt, once per Idempotency-Key', async () => {
    // when a citizen submits, then retries with the same key
    const first = await post({ fullName: 'Ελένη Παπανικολάου' }, 'receipt-key-0001');
    const retry = await post({ fullName: 'Ελένη Παπανικολάου' }, 'receipt-key-0001');
    // then the first is created and the retry answers the same application
    expect(first.status).toBe(201);
    expect(first.json).toEqual({
      applicationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      protocolNumber: expect.stringMatching(/^ΕΙΣ-\d{4}\/\d{6}$/),
      registeredAt: expect.any(String),
      registeredAtText: expect.stringMatching(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/),
      dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      receipt: expect.stringContaining(`αριθμό πρωτοκόλλου ${first.json.protocolNumber as string}`),
    });
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual(first.json);
  });

  it('should ask for an Idempotency-Key, name the fields at fault and refuse an unknown service', async () => {
    const missing = await post({ fullName: 'Ελένη' }, null);
    const invalid = await post({ year: 2025 });
    const unknown = await post({ fullName: 'Ελένη' }, 'unknown-svc-1', 'no-such-service');
    expect(missing.status).toBe(400);
    expect(missing.json.error).toMatchObject({ id: 'idempotency_key_required', field: 'headers.idempotency-key' });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error).toMatchObject({
      id: 'invalid_submission',
      field: 'body.data.fullName',
      problems: [
        { field: 'body.data.fullName', key: 'fullName', message: { el: expect.any(String), en: expect.any(String) } },
      ],
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.id).toBe('service_not_found');
  });

  it('should list a citizen’s own applications newest first, and show one only to them and staff in scope', async () => {
    // given two applications of the demo citizen
    const older = (await post({ fullName: 'Ελένη', year: 2024 })).json.applicationId as string;
    const newer = (await post({ fullName: 'Ελένη', year: 2025 })).json.applicationId as string;
    // when they list theirs, and another citizen lists theirs
    const mine = await (await app.as('citizen')).request('GET', '/api/v1/applications/mine');
    const theirs = await (await app.asUser('c.economou')).request('GET', '/api/v1/applications/mine');
    // then
    expect(mine.status).toBe(200);
    const ids = (mine.json.applications as { applicationId: string }[]).map((a) => a.applicationId);
    expect(ids.indexOf(newer)).toBeLessThan(ids.indexOf(older));
    expect(mine.json.applications[0]).toMatchObject({ status: 'submitted', serviceId: 'residence-certificate' });
    expect(theirs.json.applications).toEqual([]);
    // and the application itself is readable by its citizen and the staff of DD.DHM and above, not by others
    const path = `/api/v1/applications/${newer}`;
    const statusAs = async (username: string) => (await (await app.asUser(username)).request('GET', path)).status;
    const own = await (await app.as('citizen')).request('GET', path);
    expect(own.status).toBe(200);
    expect(own.json).toMatchObject({
      applicationId: newer,
      formId: 'residence-form',
      formVersion: 3,
      data: { year: 2025 },
    });
    expect({
      otherCitizen: await statusAs('c.economou'),
      clerkOfTheUnit: await statusAs('k.petrou'),
      headOfTheUnit: await statusAs('d.alexiou'),
      managerAbove: await statusAs('m.konstantinou'),
      clerkElsewhere: await statusAs('p.kyriakou'),
      analyst: await statusAs('e.georgiou'),
      admin: await statusAs('n.papadopoulos'),
    }).toEqual({
      otherCitizen: 404,
      clerkOfTheUnit: 200,
      headOfTheUnit: 200,
      managerAbove: 200,
      clerkElsewhere: 404,
      analyst: 404,
      admin: 200,
    });
    const none = await (
      await app.as('admin')
    ).request('GET', '/api/v1/applications/00000000-0000-4000-8000-000000000000');
    expect(none.json.error.id).toBe('application_not_found');
  });
});
