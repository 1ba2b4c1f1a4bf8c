import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceCatalogOf } from '../../applications/serviceCatalogOf.js';
import { fileAttachmentStore } from '../../attachments/fileAttachmentStore.js';
import { addWorkingDays } from '../../calendar/workingDays.js';
import { formLibraryValidator } from '../../forms/formLibraryValidator.js';
import { loadFormsFromDirectory } from '../../forms/loadFormsFromDirectory.js';
import { useTestApp } from '../../http/useTestApp.js';
import { loadServiceDefinitions } from '../../procedures/loadServiceDefinitions.js';
import { shippedDir } from '../../procedures/shippedDir.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('applying for a certificate of permanent residence, with the shipped service, form and calendar', () => {
  const services = loadServiceDefinitions(shippedDir('process-definitions'));
  const app = useTestApp({
    dependencies: (db) => ({
      attachments: { store: fileAttachmentStore(mkdtempSync(join(tmpdir(), 'polis-apply-'))), maxBytes: 10_000_000 },
      submissions: {
        catalog: { find: (id) => catalog?.find(id) },
        validator: formLibraryValidator(db.knex),
        addWorkingDays: (date, n) => addWorkingDays(date, n),
      },
    }),
  });
  let catalog: ReturnType<typeof serviceCatalogOf> | undefined;
  beforeAll(async () => {
    catalog = serviceCatalogOf(await services);
    const loaded = await loadFormsFromDirectory(app.db.knex, shippedDir('forms'));
    expect(loaded.failures).toEqual([]);
  });

  const application = (proof: unknown, afm = '094259216') => ({
    serviceId: 'residence-certificate',
    data: {
      lastName: 'Παπανικολάου',
      firstName: 'Χρήστος',
      afm,
      phone: '6912345678',
      email: 'c.papanikolaou@example.gr',
      street: 'Βασ. Σοφίας',
      streetNumber: '12',
      postalCode: '15124',
      years: '2025, 2026',
      proofType: 'utility-bill',
      proof,
    },
  });

  it('should register the application with a protocol number and a due date five working days later', async () => {
    // given a citizen who uploaded a utility bill
    const citizen = await app.as('citizen');
    const upload = await citizen.request('POST', '/api/v1/attachments', PDF, {
      'content-type': 'application/pdf',
      'x-filename': encodeURIComponent('ΔΕΗ.pdf'),
    });
    expect(upload.status).toBe(201);
    const proof = [{ id: upload.json.attachmentId, name: 'ΔΕΗ.pdf', size: PDF.length, type: 'application/pdf' }];
    // when they submit the form
    const submitted = await citizen.request('POST', '/api/v1/applications', application(proof), {
      'idempotency-key': '6f1c2a9e-8d7b-4c3a-9e2f-1a2b3c4d5e6f',
    });
    // then it is registered, and appears among their applications
    expect(submitted.status).toBe(201);
    expect(submitted.json.protocolNumber).toMatch(/^ΕΙΣ-\d{4}\/\d{6}$/);
    expect(submitted.json.dueDate).toBe(addWorkingDays(submitted.json.registeredAt.slice(0, 10), 5));
    const mine = await citizen.request('GET', '/api/v1/applications/mine');
    expect(JSON.stringify(mine.json)).toContain(submitted.json.protocolNumber);
  });

  it('should refuse an invalid tax number naming the field, and register nothing', async () => {
    const citizen = await app.as('citizen');
    const before = await app.db.knex('application').count({ n: '*' });
    const refused = await citizen.request('POST', '/api/v1/applications', application([], '123456789'), {
      'idempotency-key': '0b6d1c2e-3f4a-4b5c-8d6e-7f8091a2b3c4',
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.json)).toContain('afm');
    expect(await app.db.knex('application').count({ n: '*' })).toEqual(before);
  });
});
