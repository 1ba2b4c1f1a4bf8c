import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testSubmissionDependencies } from '../../applications/testSubmissionDependencies.js';
import { fileAttachmentStore } from '../../attachments/fileAttachmentStore.js';
import { useTestApp, type PersonaClient } from '../../http/useTestApp.js';

const MB = 1024 * 1024;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF')]);

describe('the attachments routes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'polis-attachments-'));
  const app = useTestApp({
    dependencies: () => ({
      attachments: { store: fileAttachmentStore(dir), maxBytes: 1 * MB },
      submissions: testSubmissionDependencies(),
    }),
  });
  const upload = (client: PersonaClient, content: Buffer, type: string, name = 'file') =>
    client.request('POST', '/api/v1/attachments', content, {
      'content-type': type,
      'x-filename': encodeURIComponent(name),
    });

  it('should store a PDF, JPEG or PNG once by content and give it back to the uploader with its name', async () => {
    // given a citizen
    const citizen = await app.as('citizen');
    // when they upload the same PDF twice and a photo
    const first = await upload(citizen, PDF, 'application/pdf', 'Λογαριασμός ΔΕΗ.pdf');
    const second = await upload(citizen, PDF, 'application/pdf', 'copy.pdf');
    const photo = await upload(citizen, JPEG, 'image/jpeg', 'ταυτότητα.jpg');
    // then each upload is an attachment, and the PDF's bytes are stored once
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      sha256: createHash('sha256').update(PDF).digest('hex'),
      size: PDF.length,
      mediaType: 'application/pdf',
      originalName: 'Λογαριασμός ΔΕΗ.pdf',
    });
    expect(second.json.attachmentId).not.toBe(first.json.attachmentId);
    expect(second.json.sha256).toBe(first.json.sha256);
    expect(photo.status).toBe(201);
    const stored = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(stored.map((e) => e.name).sort()).toEqual([first.json.sha256, photo.json.sha256].sort());
    // and the uploader downloads it as an attachment with its Greek name, never sniffed
    const download = await citizen.request('GET', `/api/v1/attachments/${first.json.attachmentId as string}`);
    expect(download.status).toBe(200);
    expect(download.text).toBe(PDF.toString());
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('Λογαριασμός ΔΕΗ.pdf')}`,
    );
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('should refuse a file over the limit, or whose content is not what is allowed, naming the limit', async () => {
    const citizen = await app.as('citizen');
    // when the file is larger than 1 MB, a text file is declared a PDF, a PNG declared a PDF, and a GIF is sent
    const large = await upload(citizen, Buffer.concat([PDF, Buffer.alloc(MB)]), 'application/pdf');
    const disguised = await upload(citizen, Buffer.from('just text, not a PDF'), 'application/pdf');
    const mislabelled = await upload(citizen, PNG, 'application/pdf');
    const gif = await upload(citizen, Buffer.from('GIF89a....'), 'image/gif');
    // then
    expect(large.status).toBe(413);
    expect(large.json.error).toMatchObject({ id: 'attachment_too_large', maxBytes: MB });
    expect(large.json.error.message).toContain('1 MB');
    for (const refused of [disguised, mislabelled, gif]) {
      expect(refused.status).toBe(415);
      expect(refused.json.error).toMatchObject({
        id: 'attachment_type_not_allowed',
        allowed: ['application/pdf', 'image/jpeg', 'image/png'],
      });
    }
    expect(mislabelled.json.error.detected).toBe('image/png');
  });

  it('should show an attachment to its uploader and, once it is part of an application, to staff in scope; 404 to others', async () => {
    // given a citizen's uploaded PDF, not yet attached to an application
    const citizen = await app.as('citizen');
    const id = (await upload(citizen, Buffer.concat([PDF, Buffer.from('access')]), 'application/pdf')).json
      .attachmentId as string;
    const statusAs = async (username: string) =>
      (await (await app.asUser(username)).request('GET', `/api/v1/attachments/${id}`)).status;
    // then before the application only the uploader sees it
    expect({
      owner: await statusAs('c.papanikolaou'),
      other: await statusAs('c.economou'),
      clerk: await statusAs('k.petrou'),
    }).toEqual({
      owner: 200,
      other: 404,
      clerk: 404,
    });
    // when the citizen submits an application naming it (the service is DD.DHM's)
    const submitted = await citizen.request(
      'POST',
      '/api/v1/applications',
      { serviceId: 'residence-certificate', data: { fullName: 'Ελένη', documents: [{ attachmentId: id }] } },
      { 'idempotency-key': 'with-attachment-1' },
    );
    expect(submitted.status).toBe(201);
    // then the unit's staff and admins see it too, other staff and citizens still do not
    expect({
      owner: await statusAs('c.papanikolaou'),
      otherCitizen: await statusAs('c.economou'),
      clerkOfTheUnit: await statusAs('k.petrou'),
      clerkElsewhere: await statusAs('p.kyriakou'),
      analyst: await statusAs('e.georgiou'),
      admin: await statusAs('n.papadopoulos'),
    }).toEqual({ owner: 200, otherCitizen: 404, clerkOfTheUnit: 200, clerkElsewhere: 404, analyst: 404, admin: 200 });
    const application = await citizen.request('GET', `/api/v1/applications/${submitted.json.applicationId as string}`);
    expect(application.json.attachments).toEqual([expect.objectContaining({ id, mediaType: 'application/pdf' })]);
    // and it cannot be attached to a second application
    const again = await citizen.request(
      'POST',
      '/api/v1/applications',
      { serviceId: 'residence-certificate', data: { fullName: 'Ελένη', documents: [id] } },
      { 'idempotency-key': 'with-attachment-2' },
    );
    expect(again.status).toBe(400);
    expect(again.json.error.problems[0].field).toBe('body.data.documents');
  });
});
