import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { testSubmissionDependencies } from '../../applications/testSubmissionDependencies.js';
import { useTestApp } from '../../http/useTestApp.js';

// ajv-formats is CommonJS: its default export is the function under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

describe('the draft routes', () => {
  const app = useTestApp({ dependencies: () => ({ submissions: testSubmissionDependencies() }) });
  const path = '/api/v1/services/residence-certificate/draft';
  const draft = (data: Record<string, unknown>) => ({ formId: 'residence-form', formVersion: 3, data });

  it('should keep one draft per citizen and service, replace it on each save, and discard it', async () => {
    // given a citizen with no draft
    const citizen = await app.as('citizen');
    const before = await citizen.request('GET', path);
    // when they save twice, and another citizen saves theirs
    const first = await citizen.request('PUT', path, draft({ fullName: 'Ελέν' }));
    const second = await citizen.request('PUT', path, draft({ fullName: 'Ελένη', year: 2025 }));
    await (await app.asUser('c.economou')).request('PUT', path, draft({ fullName: 'Άλλος' }));
    const after = await citizen.request('GET', path);
    // then they read back their latest save only
    expect(before.json).toEqual({ draft: null });
    expect(first.status).toBe(200);
    expect(second.json.draft).toEqual({
      serviceId: 'residence-certificate',
      formId: 'residence-form',
      formVersion: 3,
      data: { fullName: 'Ελένη', year: 2025 },
      savedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(after.json).toEqual(second.json);
    const document = (await citizen.request('GET', '/api/v1/openapi.json')).json;
    const schema = addFormats(new Ajv2020({ strict: false })).compile(
      document.paths['/services/{serviceId}/draft'].get.responses['200'].content['application/json'].schema,
    );
    expect(schema(after.json), JSON.stringify(schema.errors)).toBe(true);
    expect(schema(before.json), JSON.stringify(schema.errors)).toBe(true);
    // and when they discard it, it is gone (a second discard is no error)
    expect((await citizen.request('DELETE', path)).status).toBe(204);
    expect((await citizen.request('DELETE', path)).status).toBe(204);
    expect((await citizen.request('GET', path)).json).toEqual({ draft: null });
    expect((await (await app.asUser('c.economou')).request('GET', path)).json.draft.data).toEqual({
      fullName: 'Άλλος',
    });
  });

  it('should delete the draft when the application is submitted', async () => {
    // given a saved draft
    const citizen = await app.as('citizen');
    await citizen.request('PUT', path, draft({ fullName: 'Ελένη' }));
    // when the application is submitted
    const submitted = await citizen.request(
      'POST',
      '/api/v1/applications',
      { serviceId: 'residence-certificate', data: { fullName: 'Ελένη' } },
      { 'idempotency-key': 'draft-submit-0001' },
    );
    // then the draft is gone
    expect(submitted.status).toBe(201);
    expect((await citizen.request('GET', path)).json).toEqual({ draft: null });
  });

  it('should refuse a draft over 256 KB, an unknown service, and anyone but a citizen', async () => {
    const citizen = await app.as('citizen');
    const large = await citizen.request('PUT', path, draft({ text: 'α'.repeat(140_000) }));
    const unknown = await citizen.request('PUT', '/api/v1/services/no-such-service/draft', draft({}));
    const malformed = await citizen.request('PUT', path, { formId: 'residence-form', data: {} });
    const clerk = await (await app.as('clerk')).request('GET', path);
    expect(large.status).toBe(413);
    expect(large.json.error).toMatchObject({ id: 'draft_too_large', field: 'body.data' });
    expect(large.json.error.message).toContain('256');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatchObject({ id: 'service_not_found', field: 'params.serviceId' });
    expect(malformed.status).toBe(400);
    expect(clerk.status).toBe(403);
    expect((await citizen.request('GET', path)).json).toEqual({ draft: null });
  });
});
