import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileAttachmentStore } from '../attachments/fileAttachmentStore.js';
import { systemActor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import { loadDemoOrgChart } from '../orgchart/loadDemoOrgChart.js';
import { useOrgChartDatabase } from '../orgchart/useOrgChartDatabase.js';
import { extractPdfText } from './extractPdfText.js';
import { issueDocument, type DocumentIssue } from './issueDocument.js';
import { residenceCertificateTemplate } from './templates/residenceCertificateTemplate.js';

describe('issueDocument', () => {
  const fixture = useOrgChartDatabase();
  const store = fileAttachmentStore(mkdtempSync(join(tmpdir(), 'polis-issue-')));
  const deps = { store, publicUrl: 'https://polis.example', secret: 'test-secret' };
  const applicationId = randomUUID();

  beforeAll(async () => {
    const knex = fixture.db.knex;
    await loadDemoOrgChart(knex);
    const citizen = (await knex('app_user').where({ username: 'c.papanikolaou' }).first('id')) as { id: string };
    await knex.transaction(async (trx) => {
      await trx('application').insert({
        id: applicationId,
        service_id: 'residence-certificate',
        process_id: 'residence-certificate',
        form_id: 'residence-certificate-application',
        form_version: 1,
        data: JSON.stringify({}),
        citizen_user_id: citizen.id,
        idempotency_key: 'issue-document-test',
        protocol_year: 2026,
        protocol_sequence: 1,
        protocol_number: 'ΕΙΣ-2026/000001',
        registered_at: new Date('2026-03-14T08:42:00Z'),
        due_date: '2026-03-20',
        status: 'submitted',
      });
      await appendAudit(trx, systemActor, {
        action: 'application.submitted',
        objectType: 'application',
        objectId: applicationId,
      });
    });
  });

  const certificate = (elementInstanceKey: string): DocumentIssue => ({
    applicationId,
    template: residenceCertificateTemplate,
    body: { title: residenceCertificateTemplate.title, blocks: [{ kind: 'paragraph', text: 'Βεβαιώνεται ότι…' }] },
    issuer: ['Δήμος Αμαρουσίου'],
    issuedAt: new Date('2026-03-14T10:00:00Z'),
    job: { key: `9${elementInstanceKey}`, elementInstanceKey, processInstanceKey: '100', elementId: 'issue' },
  });

  it('should give two documents issued at once consecutive numbers, each printed on its own PDF', async () => {
    // when two certificates are issued at the same moment
    const [a, b] = await Promise.all([
      issueDocument(fixture.db.knex, deps, systemActor, certificate('2001')),
      issueDocument(fixture.db.knex, deps, systemActor, certificate('2002')),
    ]);
    // then they took the year's first two outgoing numbers, and each PDF shows its own
    expect([a.document.number, b.document.number].sort()).toEqual(['ΕΞ-2026/000001', 'ΕΞ-2026/000002']);
    for (const { document } of [a, b]) {
      const pdf = await new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = [];
        store
          .open(document.sha256)
          .on('data', (c: Buffer) => chunks.push(c))
          .on('end', () => resolve(Buffer.concat(chunks)))
          .on('error', reject);
      });
      expect(createHash('sha256').update(pdf).digest('hex')).toBe(document.sha256);
      expect((await extractPdfText(pdf)).pages.join(' ')).toContain(document.number);
    }
    expect(a.document.verificationCode).not.toBe(b.document.verificationCode);
  });

  it('should answer a repeated issue for the same element instance with the first document, writing nothing', async () => {
    // given
    const first = await issueDocument(fixture.db.knex, deps, systemActor, certificate('3001'));
    const audits = await fixture.db.knex('audit_entry').where({ action: 'document.issued' }).count({ n: '*' });
    // when the job is retried
    const again = await issueDocument(fixture.db.knex, deps, systemActor, {
      ...certificate('3001'),
      issuedAt: new Date(),
    });
    // then
    expect(first.created).toBe(true);
    expect(again).toEqual({ created: false, document: first.document });
    expect(await fixture.db.knex('audit_entry').where({ action: 'document.issued' }).count({ n: '*' })).toEqual(audits);
  });
});
