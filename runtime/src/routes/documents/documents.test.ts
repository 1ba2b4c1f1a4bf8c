import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '@polis/engine';
import { serviceCatalogOf } from '../../applications/serviceCatalogOf.js';
import { recordLogInstanceFinder } from '../../applications/recordLogInstanceFinder.js';
import { startOutboxDispatcher, type OutboxDispatcher } from '../../applications/startOutboxDispatcher.js';
import { fileAttachmentStore } from '../../attachments/fileAttachmentStore.js';
import { addWorkingDays } from '../../calendar/workingDays.js';
import { answerExternalRequest } from '../../documents/answerExternalRequest.js';
import { DOCUMENT_JOB_TYPE, documentWorker } from '../../documents/documentWorker.js';
import { extractPdfText } from '../../documents/extractPdfText.js';
import { listExternalRequests } from '../../documents/listExternalRequests.js';
import { POLICE_REQUEST_JOB_TYPE, policeRequestWorker } from '../../documents/policeRequestWorker.js';
import type { EngineClient } from '../../engine/EngineClient.js';
import type { EngineJob } from '../../engine/JobWorker.js';
import { connectEngine, type EngineConnection } from '../../engine/connectEngine.js';
import { formLibraryValidator } from '../../forms/formLibraryValidator.js';
import { loadFormsFromDirectory } from '../../forms/loadFormsFromDirectory.js';
import { useTestApp, type PersonaClient } from '../../http/useTestApp.js';
import { deployProcessDefinitions } from '../../procedures/deployProcessDefinitions.js';
import { loadServiceDefinitions } from '../../procedures/loadServiceDefinitions.js';
import type { ServiceDefinition } from '../../procedures/serviceDefinitionSchema.js';
import { shippedDir } from '../../procedures/shippedDir.js';
import { waitFor } from '../../procedures/useProcedureEngine.js';
import { startUserTaskWorker, type UserTaskWorker } from '../../tasks/startUserTaskWorker.js';
import { userTaskNames } from '../../tasks/userTaskNames.js';

const STUB_TYPES = ['polis:notify', 'polis:escalate', 'polis:deadline'];
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const textOf = async (pdf: Buffer) => (await extractPdfText(pdf)).pages.join(' ');

describe('official documents: receipts, certificates and the police request, over the embedded engine', () => {
  const engine = {} as {
    connection: EngineConnection;
    worker: UserTaskWorker;
    dispatcher: OutboxDispatcher;
    observer: Engine;
  };
  // The routes are built before the engine is connected: they reach it through this forwarder.
  const client = new Proxy({} as EngineClient, {
    get: (_target, key: keyof EngineClient) => {
      const value = engine.connection.client[key];
      return typeof value === 'function' ? value.bind(engine.connection.client) : value;
    },
  });
  const store = fileAttachmentStore(mkdtempSync(join(tmpdir(), 'polis-documents-')));
  let services: ServiceDefinition[] = [];
  const app = useTestApp({
    dependencies: (db) => ({
      attachments: { store, maxBytes: 10_000_000 },
      submissions: {
        catalog: { find: (id) => serviceCatalogOf(services).find(id) },
        validator: formLibraryValidator(db.knex),
        addWorkingDays: (date, n) => addWorkingDays(date, n),
      },
      tasks: { engine: client },
      opinions: { engine: client },
    }),
  });
  const serviceJobs: EngineJob[] = [];
  const documentAttempts: EngineJob[] = [];
  /** Elements whose next polis:document attempt issues the document and then fails, as if the answer were lost. */
  const failAfterIssuing = new Set<string>();

  beforeAll(async () => {
    const logger = pino({ level: 'silent' });
    const knex = app.db.knex;
    services = await loadServiceDefinitions(shippedDir('process-definitions'));
    expect((await loadFormsFromDirectory(knex, shippedDir('forms'))).failures).toEqual([]);
    engine.connection = await connectEngine({ engine: { kind: 'embedded', gatewayPort: 0 } }, logger, app.db);
    const deployed = await deployProcessDefinitions(
      engine.connection.client,
      shippedDir('process-definitions'),
      logger,
    );
    expect(deployed.failed).toEqual([]);
    const deps = { knex, store, publicUrl: 'http://127.0.0.1', services };
    const issue = documentWorker(deps);
    engine.connection.client.registerWorker({
      type: DOCUMENT_JOB_TYPE,
      retryBackOffMs: () => 200,
      handler: async (job) => {
        documentAttempts.push(job);
        const output = await issue(job);
        if (failAfterIssuing.delete(job.processInstanceKey)) throw new Error('the connection dropped after issuing');
        return output;
      },
    });
    engine.connection.client.registerWorker({ type: POLICE_REQUEST_JOB_TYPE, handler: policeRequestWorker(deps) });
    for (const type of STUB_TYPES)
      engine.connection.client.registerWorker({ type, handler: (job) => void serviceJobs.push(job) });
    engine.worker = startUserTaskWorker({
      knex,
      engine: engine.connection.client,
      logger,
      elementName: await userTaskNames(shippedDir('process-definitions')),
      pollMs: 200,
    });
    engine.dispatcher = startOutboxDispatcher({
      knex,
      engine: engine.connection.client,
      logger,
      finder: recordLogInstanceFinder(knex),
      pollIntervalMs: 100,
    });
    engine.observer = createEngine({ db: app.db, schedulerIntervalMs: 0 });
  });
  afterAll(async () => {
    await engine.dispatcher?.stop();
    await engine.worker?.stop(2_000);
    await engine.connection?.close(5_000);
    await engine.observer?.stop();
  });

  let keys = 0;
  async function apply(
    citizen: PersonaClient,
    serviceId: string,
    data: (file: object) => Record<string, unknown>,
  ): Promise<{ applicationId: string; protocolNumber: string; processInstanceKey: string }> {
    const upload = await citizen.request('POST', '/api/v1/attachments', PDF, {
      'content-type': 'application/pdf',
      'x-filename': encodeURIComponent('Λογαριασμός ΔΕΗ.pdf'),
    });
    expect(upload.status).toBe(201);
    const file = {
      id: upload.json.attachmentId,
      name: 'Λογαριασμός ΔΕΗ.pdf',
      size: PDF.length,
      type: 'application/pdf',
    };
    const submitted = await citizen.request(
      'POST',
      '/api/v1/applications',
      { serviceId, data: data(file) },
      { 'idempotency-key': `documents-test-${++keys}-${Date.now()}` },
    );
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(201);
    const applicationId = submitted.json.applicationId as string;
    const processInstanceKey = await waitFor(async () => {
      const row = (await app.db
        .knex('application')
        .where({ id: applicationId })
        .first(app.db.knex.raw('process_instance_key::text as key'))) as { key: string | null };
      return row.key ?? undefined;
    });
    return { applicationId, protocolNumber: submitted.json.protocolNumber as string, processInstanceKey };
  }

  const residence = (file: object) => ({
    lastName: 'Παπανικολάου',
    firstName: 'Γιάννης',
    fatherName: 'Γεώργιος',
    afm: '123456783',
    phone: '6912345678',
    email: 'c.papanikolaou@example.gr',
    street: 'Βασ. Σοφίας',
    streetNumber: '12',
    postalCode: '15124',
    area: 'Μαρούσι',
    years: '2024, 2025',
    proofType: 'utility-bill',
    proof: [file],
  });

  const tables = (file: object) => ({
    businessName: 'Καφέ Η Πλατεία',
    afm: '094259216',
    representative: 'Γιάννης Παπανικολάου',
    phone: '6912345678',
    email: 'cafe@example.gr',
    street: 'Ερμού',
    streetNumber: '3',
    postalCode: '15124',
    area: 'Μαρούσι',
    zone: 'A',
    m2: 12,
    periodFrom: '2026-05-01',
    periodTo: '2026-10-31',
    sketch: [file],
    kyeNotification: [file],
  });

  const completed = async (processInstanceKey: string, elementId: string) =>
    waitFor(async () => {
      const records = await engine.observer.readRecords(0, 100_000);
      return records.some(
        (r) =>
          r.valueType === 'PROCESS_INSTANCE' &&
          r.intent === 'ELEMENT_COMPLETED' &&
          r.value.elementId === elementId &&
          String(r.value.processInstanceKey) === processInstanceKey,
      )
        ? true
        : undefined;
    }, 20_000);

  it('should give the citizen the receipt of their application, the same bytes every time, and nobody else', async () => {
    // given a citizen's application for a residence certificate, with a utility bill
    const citizen = await app.as('citizen');
    const { applicationId, protocolNumber } = await apply(citizen, 'residence-certificate', residence);
    const path = `/api/v1/applications/${applicationId}/receipt.pdf`;
    // when they download the receipt twice, and others try
    const first = await citizen.request('GET', path);
    const again = await citizen.request('GET', path);
    const clerk = await app.as('clerk');
    const byClerk = await clerk.request('GET', path);
    const byOther = await (await app.asUser('c.economou')).request('GET', path);
    const byNobody = await (await app.as('anonymous')).request('GET', path);
    // then the receipt is one stored PDF with the registration, the masked tax number, the fields and the files
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    expect(first.headers.get('content-disposition')).toContain(
      encodeURIComponent(`Αποδεικτικό υποβολής αίτησης ${protocolNumber.replace('/', '-')}.pdf`),
    );
    expect(sha256(again.bytes)).toBe(sha256(first.bytes));
    expect(sha256(byClerk.bytes)).toBe(sha256(first.bytes));
    const text = await textOf(first.bytes);
    expect(text).toContain(protocolNumber);
    expect(text).toContain('Βεβαίωση μόνιμης κατοικίας');
    expect(text).toContain('Γιάννης Παπανικολάου');
    expect(text).toContain('******783');
    expect(text).not.toContain('123456783');
    expect(text).toContain('Πατρώνυμο');
    expect(text).toContain('Λογαριασμός ΔΕΗ.pdf');
    expect(text).toContain('ΔΗΜΟΣ ΑΜΑΡΟΥΣΙΟΥ');
    expect(byOther.status).toBe(404);
    expect(byNobody.status).toBe(401);
    // and the application lists it among its documents
    const view = await citizen.request('GET', `/api/v1/applications/${applicationId}`);
    expect(view.json.documents).toEqual([
      expect.objectContaining({
        kind: 'receipt',
        template: 'receipt',
        sha256: sha256(first.bytes),
        size: first.bytes.length,
      }),
    ]);
  });

  it('should issue the certificate once when a clerk approves, even when the job is retried', async () => {
    // given an application whose first issuing attempt loses its answer after the document is stored
    const citizen = await app.as('citizen');
    const { applicationId, processInstanceKey } = await apply(citizen, 'residence-certificate', residence);
    failAfterIssuing.add(processInstanceKey);
    const taskId = await waitFor(async () => {
      const row = (await app.db.knex('task').where({ process_instance_key: processInstanceKey }).first('id')) as
        { id: string } | undefined;
      return row?.id;
    });
    // when the clerk approves
    const clerk = await app.as('clerk');
    const done = await clerk.request('POST', `/api/v1/tasks/${taskId}/complete`, {
      data: { decision: 'approve', certifiedYears: '2025' },
    });
    expect(done.status, JSON.stringify(done.json)).toBe(200);
    // then the job ran twice, one certificate was issued, and the process went on with its id and number
    const notify = await waitFor(
      () => serviceJobs.find((j) => j.processInstanceKey === processInstanceKey && j.elementId === 'notifyIssued'),
      20_000,
    );
    const attempts = documentAttempts.filter((j) => j.processInstanceKey === processInstanceKey);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.key).toBe(attempts[0]!.key);
    const issued = await app.db.knex('document').where({ application_id: applicationId, kind: 'outcome' });
    expect(issued).toHaveLength(1);
    expect(notify.variables).toMatchObject({
      outcomeDocumentId: issued[0].id,
      outcomeDocumentNumber: expect.stringMatching(/^ΕΞ-\d{4}\/\d{6}$/),
    });
    // and the citizen downloads it; another citizen and nobody cannot
    const path = `/api/v1/documents/${issued[0].id as string}/content`;
    const download = await citizen.request('GET', path);
    expect(download.status).toBe(200);
    expect(sha256(download.bytes)).toBe(issued[0].sha256);
    const text = await textOf(download.bytes);
    expect(text).toContain('Βεβαίωση μόνιμης κατοικίας');
    expect(text).toContain('Γιάννης Παπανικολάου του Γεώργιος');
    expect(text).toContain('για τα έτη 2025');
    expect(text).toContain('Τμήμα Δημοτικής Κατάστασης');
    expect(text).toContain(issued[0].verification_code);
    expect((await (await app.asUser('c.economou')).request('GET', path)).status).toBe(404);
    expect((await (await app.as('anonymous')).request('GET', path)).status).toBe(401);
    expect((await (await app.asUser('p.kyriakou')).request('GET', path)).status).toBe(404);
    // and anyone can verify it by its code, learning nothing about the person
    const verified = await (
      await app.as('anonymous')
    ).request('GET', `/api/v1/documents/verify/${issued[0].verification_code as string}`);
    expect(verified.json).toEqual({
      title: { el: 'Βεβαίωση μόνιμης κατοικίας', en: 'Certificate of permanent residence' },
      protocolNumber: notify.variables.outcomeDocumentNumber,
      issuedAt: new Date(issued[0].issued_at).toISOString(),
      sha256: issued[0].sha256,
    });
    expect(verified.text).not.toMatch(/Παπανικολάου|123456783|Σοφίας/);
    const unknown = await (await app.as('anonymous')).request('GET', '/api/v1/documents/verify/0000-0000-0000');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.id).toBe('verification_code_unknown');
  });

  it('should fail the job naming the element, the template and the variable when a document cannot be issued', async () => {
    // given the handler, and a residence application
    const citizen = await app.as('citizen');
    const { applicationId } = await apply(citizen, 'residence-certificate', residence);
    const handler = documentWorker({ knex: app.db.knex, store, publicUrl: 'http://127.0.0.1', services });
    const job = (headers: Record<string, unknown>, variables: Record<string, unknown>): EngineJob => ({
      key: '1',
      type: DOCUMENT_JOB_TYPE,
      processInstanceKey: '2',
      bpmnProcessId: 'residence-certificate',
      elementId: 'issue',
      elementInstanceKey: String(Date.now()),
      retries: 3,
      variables,
      customHeaders: headers,
    });
    // when / then
    await expect(handler(job({ template: 'public-space-permit' }, { applicationId }))).rejects.toThrow(
      'Cannot issue the document of issue (template public-space-permit): the variable businessName is missing or empty (got nothing) (variable businessName)',
    );
    await expect(handler(job({ template: 'no-such-template' }, { applicationId }))).rejects.toThrow(
      'Expected the template of issue to name a document template (residence-certificate, public-space-permit, police-request), but got "no-such-template"',
    );
    await expect(handler(job({ template: 'residence-certificate' }, {}))).rejects.toThrow(
      /issue \(template residence-certificate\): the variable applicationId must be an application's id/,
    );
    expect(await app.db.knex('document').where({ application_id: applicationId, kind: 'outcome' })).toEqual([]);
  });

  it('should leave an incident naming the element, the template and the variable once the retries run out', async () => {
    // given an instance started without a real application (as a modeller's test run would)
    const started = await engine.connection.client.createProcessInstance({
      bpmnProcessId: 'residence-certificate',
      variables: {
        applicationId: 'RC-manual-1',
        protocolNumber: 'ΕΙΣ-2026/999999',
        dueDate: '2099-01-09T15:00:00+02:00',
      },
    });
    if (!started.ok) throw new Error(started.error.message);
    const { processInstanceKey } = started.value;
    const taskId = await waitFor(async () => {
      const row = (await app.db.knex('task').where({ process_instance_key: processInstanceKey }).first('id')) as
        { id: string } | undefined;
      return row?.id;
    });
    // when the clerk approves
    const done = await (
      await app.as('clerk')
    ).request('POST', `/api/v1/tasks/${taskId}/complete`, {
      data: { decision: 'approve', certifiedYears: '2025' },
    });
    expect(done.status).toBe(200);
    // then the three attempts fail and the engine raises an incident with the worker's message
    const incident = await waitFor(
      async () => (await engine.observer.listIncidents({ processInstanceKey }))[0],
      20_000,
    );
    expect(incident).toMatchObject({
      elementId: 'issue',
      errorType: 'JOB_NO_RETRIES',
      errorMessage:
        'Cannot issue the document of issue (template residence-certificate): the variable applicationId must be an application\'s id, but got "RC-manual-1"',
    });
    expect(documentAttempts.filter((j) => j.processInstanceKey === processInstanceKey)).toHaveLength(3);
  });

  it('should send the police a request, record its opinion once, and move the process on', async () => {
    // given a permit application, whose process has sent its letter to the police
    const citizen = await app.as('citizen');
    const { applicationId, processInstanceKey } = await apply(citizen, 'public-space-permit', tables);
    await completed(processInstanceKey, 'askPolice');
    const revenueClerk = await app.asUser('ch.anagnostou');
    const registryClerk = await app.as('clerk');
    // when the owning unit's clerk lists the open requests, and a clerk of another unit does
    const open = await revenueClerk.request('GET', '/api/v1/external-requests');
    const elsewhere = await registryClerk.request('GET', '/api/v1/external-requests');
    // then the request is there with its letter, to the traffic police, naming the business and the place
    const request = (open.json.requests as { applicationId: string; requestId: string; documentId: string }[]).find(
      (r) => r.applicationId === applicationId,
    )!;
    expect(request).toMatchObject({ recipient: 'police', messageName: 'police-opinion', answeredAt: null });
    expect(
      (elsewhere.json.requests as { applicationId: string }[]).some((r) => r.applicationId === applicationId),
    ).toBe(false);
    const letter = await revenueClerk.request('GET', `/api/v1/documents/${request.documentId}/content`);
    const text = await textOf(letter.bytes);
    expect(text).toContain('Τμήμα Τροχαίας Αμαρουσίου');
    expect(text).toContain('«Καφέ Η Πλατεία»');
    expect(text).toContain('Ερμού 3');
    // when the clerk records a positive opinion; another unit's clerk and a second answer are refused
    const answerPath = `/api/v1/external-requests/${request.requestId}/answer`;
    const outside = await registryClerk.request('POST', answerPath, { opinion: 'negative', text: 'Όχι' });
    const answered = await revenueClerk.request('POST', answerPath, {
      opinion: 'positive',
      text: 'Δεν εμποδίζεται η κυκλοφορία πεζών',
    });
    const twice = await revenueClerk.request('POST', answerPath, { opinion: 'negative', text: 'Αλλάξαμε γνώμη' });
    // then the process has the opinion and goes on to the join
    expect(outside.status).toBe(404);
    expect(answered.status, JSON.stringify(answered.json)).toBe(200);
    expect(answered.json).toMatchObject({
      answeredAt: expect.any(String),
      answer: { opinion: 'positive', text: 'Δεν εμποδίζεται η κυκλοφορία πεζών' },
    });
    await completed(processInstanceKey, 'policeOpinion');
    const variables = (await engine.observer.readRecords(0, 100_000)).filter(
      (r) => r.valueType === 'VARIABLE' && String(r.value.scopeKey) === processInstanceKey,
    );
    expect(variables.find((r) => r.value.name === 'policeOpinion')?.value.value).toBe('"positive"');
    expect(twice.status).toBe(409);
    expect(twice.json.error).toMatchObject({
      id: 'external_request_already_answered',
      answeredAt: answered.json.answeredAt,
    });
    expect(twice.json.error.message).toMatch(/έχει ήδη καταχωριστεί στις \d{2}-\d{2}-\d{4} \d{2}:\d{2}/);
    const stillOpen = await revenueClerk.request('GET', '/api/v1/external-requests?status=open');
    expect((stillOpen.json.requests as { requestId: string }[]).map((r) => r.requestId)).not.toContain(
      request.requestId,
    );
    // and the application shows the letter among its documents
    const view = await citizen.request('GET', `/api/v1/applications/${applicationId}`);
    expect(view.json.documents).toEqual([
      expect.objectContaining({ documentId: request.documentId, kind: 'outgoing', template: 'police-request' }),
    ]);
  });

  it('should take a negative opinion from a system holding opinions:write, audited as that system', async () => {
    // given another permit application waiting for the police
    const citizen = await app.as('citizen');
    const { applicationId, processInstanceKey } = await apply(citizen, 'public-space-permit', tables);
    await completed(processInstanceKey, 'askPolice');
    const system = { kind: 'client' as const, clientId: 'police-gateway', scopes: ['opinions:write'] };
    const [request] = (await listExternalRequests(app.db.knex, system, 'open')).filter(
      (r) => r.applicationId === applicationId,
    );
    // when the system records the answer
    const answered = await answerExternalRequest(
      app.db.knex,
      client,
      { userId: undefined, clientId: 'police-gateway', sourceIp: '127.0.0.1' },
      system,
      request!.requestId,
      { opinion: 'negative', text: 'Εμποδίζεται η διέλευση πεζών' },
    );
    // then the process takes the negative branch, and the audit names the system
    expect(answered).toMatchObject({ ok: true, value: { answer: { opinion: 'negative' } } });
    await completed(processInstanceKey, 'policeOpinion');
    const audit = await app.db
      .knex('audit_entry')
      .where({ object_id: request!.requestId, action: 'external_request.answered' })
      .first();
    expect(audit).toMatchObject({ actor_client_id: 'police-gateway', actor_user_id: null });
  });
});
