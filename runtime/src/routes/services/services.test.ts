import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../http/useTestApp.js';

describe('the e-service catalogue', () => {
  const app = useTestApp();

  it('should list the municipality’s e-services to anyone, in Greek and English, with what each needs', async () => {
    // given a visitor who has not signed in
    const visitor = await app.as('anonymous');
    // when they open the catalogue
    const response = await visitor.request('GET', '/api/v1/services');
    // then they see the three procedures with their titles, durations, fees and documents
    expect(response.status).toBe(200);
    const services = response.json.services as { processId: string; title: { el: string; en: string } }[];
    expect(services.map((s) => s.processId).sort()).toEqual([
      'citizen-request',
      'public-space-permit',
      'residence-certificate',
    ]);
    const residence = (await visitor.request('GET', '/api/v1/services/residence-certificate')).json.service;
    expect(residence).toMatchObject({
      title: { el: 'Βεβαίωση μόνιμης κατοικίας', en: 'Certificate of permanent residence' },
      ownerUnit: 'DD.DHM',
      startFormId: 'residence-certificate-application',
      expectedDuration: { workingDays: 5 },
    });
    expect(residence.requiredDocuments.length).toBeGreaterThan(0);
  });

  it('should answer an unknown or malformed service id with its own error naming the parameter', async () => {
    const visitor = await app.as('anonymous');
    const unknown = await visitor.request('GET', '/api/v1/services/dog-licence');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatchObject({ id: 'service_not_found', field: 'params.serviceId' });
    const malformed = await visitor.request('GET', '/api/v1/services/Dog%20Licence');
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.field).toBe('params.serviceId');
  });
});
