import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineClient } from '../../engine/EngineClient.js';
import { connectEngine, type EngineConnection } from '../../engine/connectEngine.js';
import { importShippedDesigns } from '../../designs/importShippedDesigns.js';
import { shippedFilesDeployedByAnalysts } from '../../designs/shippedFilesDeployedByAnalysts.js';
import { loadFormsFromDirectory } from '../../forms/loadFormsFromDirectory.js';
import { deployProcessDefinitions } from '../../procedures/deployProcessDefinitions.js';
import { useTestApp } from '../../http/useTestApp.js';
import { shippedDir } from '../../procedures/shippedDir.js';

/** A small executable process: start (with a form) → a user task → a gateway on the task's form field → end. */
function processXml(processId: string, userTask: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs" targetNamespace="http://polis">
  <bpmn:process id="${processId}" name="Έλεγχος δοκιμής" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:extensionElements><zeebe:formDefinition formId="residence-certificate-application" /></bpmn:extensionElements></bpmn:startEvent>
    ${userTask}
    <bpmn:exclusiveGateway id="approved" name="Εγκρίνεται;" default="no" />
    <bpmn:endEvent id="yesEnd" /><bpmn:endEvent id="noEnd" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
    <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="approved" />
    <bpmn:sequenceFlow id="yes" sourceRef="approved" targetRef="yesEnd">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=decision = "approve"</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="no" sourceRef="approved" targetRef="noEnd" />
  </bpmn:process>
</bpmn:definitions>`;
}
const goodTask = `<bpmn:userTask id="check" name="Έλεγχος"><bpmn:extensionElements>
  <zeebe:formDefinition formId="residence-certificate-check" /><zeebe:assignmentDefinition candidateGroups="DD.DHM" />
  <zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>`;
const taskWithoutForm = `<bpmn:userTask id="check" name="Έλεγχος"><bpmn:extensionElements>
  <zeebe:assignmentDefinition candidateGroups="DD.DHM" /><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>`;

describe('the process design routes', () => {
  const engine = {} as { connection: EngineConnection };
  // The routes are built before the engine is connected: they reach it through this forwarder.
  const client = new Proxy({} as EngineClient, {
    get: (_target, key: keyof EngineClient) => {
      const value = engine.connection.client[key];
      return typeof value === 'function' ? value.bind(engine.connection.client) : value;
    },
  });
  const app = useTestApp({ dependencies: () => ({ designs: { engine: client } }) });

  beforeAll(async () => {
    await loadFormsFromDirectory(app.db.knex, shippedDir('forms'));
    engine.connection = await connectEngine(
      { engine: { kind: 'embedded', gatewayPort: 0 } },
      pino({ level: 'silent' }),
      app.db,
    );
  });
  afterAll(async () => {
    await engine.connection?.close(5_000);
  });

  async function importDesign(processId: string, userTask = goodTask) {
    const analyst = await app.as('analyst');
    const created = await analyst.request('POST', '/api/v1/designs', { xml: processXml(processId, userTask) });
    expect(created.status).toBe(201);
    return { analyst, design: created.json as { designId: string; revision: number; xml: string } };
  }

  it('should import a .bpmn document as a design, list it, find it by search and open it', async () => {
    // given an analyst who imports a document
    const { analyst, design } = await importDesign('import-check');
    // then it is a design at revision 1 named after its process
    expect(design).toMatchObject({ revision: 1, name: 'Έλεγχος δοκιμής', bpmnProcessId: 'import-check' });
    // and the library lists it, a search finds it, and it opens with its XML
    const found = await analyst.request('GET', '/api/v1/designs?q=import-ch');
    expect(found.json.designs.map((d: { designId: string }) => d.designId)).toEqual([design.designId]);
    const opened = await analyst.request('GET', `/api/v1/designs/${design.designId}`);
    expect(opened.json.xml).toContain('id="import-check"');
  });

  it('should refuse XML that is not BPMN, naming the field', async () => {
    const analyst = await app.as('analyst');
    const response = await analyst.request('POST', '/api/v1/designs', { xml: '<not-bpmn' });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({ id: 'design_xml_invalid', field: 'body.xml' });
    expect(response.json.error.message).toContain('διάγραμμα BPMN');
    const inEnglish = await analyst.request(
      'POST',
      '/api/v1/designs',
      { xml: '<not-bpmn' },
      { 'accept-language': 'en' },
    );
    expect(inEnglish.json.error.message).toContain('not a BPMN diagram');
  });

  it('should refuse a document larger than the limit, naming the field', async () => {
    const analyst = await app.as('analyst');
    const huge = processXml('huge', goodTask).replace('<bpmn:process', `<!--${'x'.repeat(1_600_000)}--><bpmn:process`);
    const response = await analyst.request('POST', '/api/v1/designs', { xml: huge });
    expect(response.status).toBe(400);
    expect(response.json.error.field).toBe('body.xml');
  });

  it('should ask for a name or a document to create a design from', async () => {
    const analyst = await app.as('analyst');
    const response = await analyst.request('POST', '/api/v1/designs', {});
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({ id: 'design_source_missing', field: 'body.name' });
  });

  it('should create a blank design with a name', async () => {
    const analyst = await app.as('analyst');
    const response = await analyst.request('POST', '/api/v1/designs', { name: 'Νέα διαδικασία' });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ name: 'Νέα διαδικασία', revision: 1 });
    expect(response.json.xml).toContain('isExecutable="true"');
  });

  it('should save a design edited from the latest revision, and refuse a stale save with 409 naming who saved', async () => {
    // given a design that two analysts opened at revision 1
    const { design } = await importDesign('conflict-check');
    const admin = await app.as('admin');
    const theirs = design.xml.replace('Έλεγχος δοκιμής', 'Αλλαγή του διαχειριστή');
    // when the admin saves first (If-Match) and the analyst then saves revision 1 too
    const first = await admin.request(
      'PUT',
      `/api/v1/designs/${design.designId}`,
      { xml: theirs },
      { 'if-match': '"1"' },
    );
    expect(first.status).toBe(200);
    expect(first.json.revision).toBe(2);
    const analyst = await app.as('analyst');
    const stale = await analyst.request('PUT', `/api/v1/designs/${design.designId}`, {
      xml: design.xml.replace('Έλεγχος δοκιμής', 'Αλλαγή του αναλυτή'),
      revision: 1,
    });
    // then the stale save is refused, naming the newer revision, who saved it and when
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({
      id: 'design_revision_conflict',
      revision: 2,
      savedBy: { displayNameEn: expect.any(String) },
      savedAt: expect.any(String),
    });
    expect(stale.json.error.message).toContain(stale.json.error.savedBy.displayNameEl);
    // and nothing was overwritten
    const now = await analyst.request('GET', `/api/v1/designs/${design.designId}`);
    expect(now.json).toMatchObject({ revision: 2 });
    expect(now.json.xml).toContain('Αλλαγή του διαχειριστή');
  });

  it('should ask which revision was edited when a save names none', async () => {
    const { analyst, design } = await importDesign('no-revision');
    const response = await analyst.request('PUT', `/api/v1/designs/${design.designId}`, { xml: design.xml });
    expect(response.status).toBe(428);
    expect(response.json.error.id).toBe('design_revision_missing');
  });

  it('should duplicate a design under a new process id', async () => {
    const { analyst, design } = await importDesign('copied');
    const copy = await analyst.request('POST', `/api/v1/designs/${design.designId}/duplicate`, {});
    expect(copy.status).toBe(201);
    expect(copy.json).toMatchObject({ bpmnProcessId: 'copied-copy', revision: 1 });
    expect(copy.json.xml).toContain('<bpmn:process id="copied-copy"');
  });

  it('should validate a design: engine and Polis problems, each on its element, in Greek and English', async () => {
    const { analyst, design } = await importDesign('validate-check', taskWithoutForm);
    const response = await analyst.request('POST', `/api/v1/designs/${design.designId}/validate`, {});
    expect(response.status).toBe(200);
    expect(response.json.problems).toEqual(
      expect.arrayContaining([
        {
          elementId: 'check',
          rule: 'polis/user-task-form',
          severity: 'error',
          message: { el: expect.stringContaining('φόρμα'), en: expect.stringContaining('no form') },
        },
        expect.objectContaining({ elementId: 'yes', rule: 'polis/variable-contract' }),
      ]),
    );
  });

  it('should refuse to deploy a design with problems (422 naming the elements) and deploy nothing', async () => {
    // given a design whose user task has no form
    const { analyst, design } = await importDesign('deploy-refused', taskWithoutForm);
    // when it is deployed
    const response = await analyst.request('POST', `/api/v1/designs/${design.designId}/deploy`);
    // then it is refused with the problems on their elements
    expect(response.status).toBe(422);
    expect(response.json.error.id).toBe('design_has_problems');
    const ids = (response.json.error.problems as { elementId: string }[]).map((p) => p.elementId);
    expect(ids).toEqual(expect.arrayContaining(['check', 'yes']));
    // and nothing was deployed
    const deployments = await analyst.request('GET', `/api/v1/designs/${design.designId}/deployments`);
    expect(deployments.json.deployments).toEqual([]);
    const start = await engine.connection.client.createProcessInstance({ bpmnProcessId: 'deploy-refused' });
    expect(start.ok).toBe(false);
  });

  it('should report what the engine refuses on its element', async () => {
    const broken = goodTask.replace('<bpmn:userTask id="check"', '<bpmn:userTask id="check" isForCompensation="true"');
    const { analyst, design } = await importDesign('engine-refused', broken);
    const response = await analyst.request('POST', `/api/v1/designs/${design.designId}/deploy`);
    expect(response.status).toBe(422);
    expect(response.json.error.problems).toContainEqual(
      expect.objectContaining({
        elementId: 'check',
        rule: 'engine',
        message: expect.objectContaining({ en: expect.stringContaining('compensation') }),
      }),
    );
  });

  it('should deploy a clean design as a startable process and list the deployment', async () => {
    // given a clean design
    const { analyst, design } = await importDesign('deploy-ok');
    // when the analyst deploys it
    const response = await analyst.request('POST', `/api/v1/designs/${design.designId}/deploy`);
    // then version 1 is deployed and recorded, by the analyst
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ bpmnProcessId: 'deploy-ok', version: 1, designRevision: 1 });
    expect(response.json.deployedBy.userId).toBe(await app.userId('e.georgiou'));
    const listed = await analyst.request('GET', `/api/v1/designs/${design.designId}/deployments`);
    expect(listed.json.deployments).toEqual([response.json]);
    // and the process starts
    const started = await engine.connection.client.createProcessInstance({ bpmnProcessId: 'deploy-ok' });
    expect(started.ok && started.value.version).toBe(1);
    // and the library shows the deployed version
    const library = await analyst.request('GET', '/api/v1/designs?q=deploy-ok');
    expect(library.json.designs[0].deployedVersion).toBe(1);
  });

  it('should keep the designs routes to analysts and admins', async () => {
    const clerk = await app.as('clerk');
    expect((await clerk.request('GET', '/api/v1/designs')).status).toBe(403);
  });

  it('should import the shipped process definitions once, however often it runs, with their start-up versions', async () => {
    // given the shipped definitions, deployed as at start-up
    const dir = shippedDir('process-definitions');
    const deployed = await deployProcessDefinitions(engine.connection.client, dir, pino({ level: 'silent' }));
    // when they are imported as designs, twice
    const first = await importShippedDesigns(app.db.knex, dir, deployed.deployed);
    const second = await importShippedDesigns(app.db.knex, dir, deployed.deployed);
    expect(first.imported).toEqual(['citizen-request.bpmn', 'public-space-permit.bpmn', 'residence-certificate.bpmn']);
    expect(second.imported).toEqual([]);
    const count = (await app.db.knex('process_design').whereNotNull('source_file').count('* as n')) as { n: string }[];
    expect(Number(count[0]!.n)).toBe(3);
    // and each design shows the version the start-up deployed, by Polis itself
    const analyst = await app.as('analyst');
    const [design] = (await analyst.request('GET', '/api/v1/designs?q=residence-certificate')).json.designs;
    expect(design).toMatchObject({ sourceFile: 'residence-certificate.bpmn', deployedVersion: 1 });
    const listed = await analyst.request('GET', `/api/v1/designs/${design.designId}/deployments`);
    expect(listed.json.deployments).toEqual([
      expect.objectContaining({ version: 1, designRevision: 1, deployedBy: expect.objectContaining({ userId: null }) }),
    ]);
  });
  it('should leave a shipped definition alone at start-up once an analyst has deployed its process', async () => {
    // given the shipped definitions imported as designs, and an analyst who deploys a change to one of them
    const dir = shippedDir('process-definitions');
    const silent = pino({ level: 'silent' });
    await importShippedDesigns(
      app.db.knex,
      dir,
      (await deployProcessDefinitions(engine.connection.client, dir, silent)).deployed,
    );
    const analyst = await app.as('analyst');
    const [listed] = (await analyst.request('GET', '/api/v1/designs?q=citizen-request')).json.designs;
    const design = (await analyst.request('GET', `/api/v1/designs/${listed.designId}`)).json;
    const changed = (design.xml as string).replace('name="Αίτημα / παράπονο πολίτη"', 'name="Αίτημα πολίτη (νέο)"');
    const saved = await analyst.request('PUT', `/api/v1/designs/${listed.designId}`, {
      xml: changed,
      revision: design.revision,
    });
    expect(saved.status).toBe(200);
    const deployedByAnalyst = await analyst.request('POST', `/api/v1/designs/${listed.designId}/deploy`);
    expect(deployedByAnalyst.status).toBe(201);
    // when the runtime restarts and deploys the shipped folder again
    const leaveAlone = await shippedFilesDeployedByAnalysts(app.db.knex);
    const restart = await deployProcessDefinitions(engine.connection.client, dir, silent, { leaveAlone });
    // then the analyst's version stays the latest: the shipped file was left alone, the others were redeployed as they are
    expect(restart.skipped).toEqual(['citizen-request.bpmn']);
    expect(restart.deployed.map((p) => p.bpmnProcessId).sort()).toEqual([
      'public-space-permit',
      'residence-certificate',
    ]);
    const started = await engine.connection.client.createProcessInstance({
      bpmnProcessId: 'citizen-request',
      variables: { applicationId: '00000000-0000-4000-8000-000000000001', unit: 'DD.GDM', dueDate: '2026-12-03' },
    });
    expect(started.ok && started.value.version).toBe(deployedByAnalyst.json.version);
  });
});
