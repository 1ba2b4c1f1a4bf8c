import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { submitApplication } from '../applications/submitApplication.js';
import { testSubmissionDependencies } from '../applications/testSubmissionDependencies.js';
import type { EngineJob } from '../engine/JobWorker.js';
import { systemActor } from '../orgchart/Actor.js';
import { athensToday } from '../orgchart/athensToday.js';
import { endDeputy } from '../orgchart/endDeputy.js';
import { loadDemoOrgChart } from '../orgchart/loadDemoOrgChart.js';
import { setDeputy } from '../orgchart/setDeputy.js';
import { useOrgChartDatabase } from '../orgchart/useOrgChartDatabase.js';
import { loadServiceDefinitions } from '../procedures/loadServiceDefinitions.js';
import type { ServiceDefinition } from '../procedures/serviceDefinitionSchema.js';
import { shippedDir } from '../procedures/shippedDir.js';
import { escalateWorker } from './escalateWorker.js';
import { listNotifications } from './listNotifications.js';
import { notifyWorker } from './notifyWorker.js';
import { renderNotification } from './renderNotification.js';

let jobs = 0;
/** A job as the engine hands it to a worker. */
const job = (fields: Partial<EngineJob>): EngineJob => ({
  key: String(2251799813690000 + ++jobs),
  type: 'polis:notify',
  processInstanceKey: '2251799813685249',
  bpmnProcessId: 'residence-certificate',
  elementId: 'notifyRejected',
  elementInstanceKey: '2251799813685300',
  retries: 3,
  variables: {},
  customHeaders: {},
  ...fields,
});

describe('the polis:notify and polis:escalate workers', () => {
  const fixture = useOrgChartDatabase();
  let services: ServiceDefinition[] = [];
  let applicationId = '';
  let protocolNumber = '';
  let citizenId = '';
  const userId = async (username: string) =>
    ((await fixture.db.knex('app_user').where({ username }).first('id')) as { id: string }).id;
  const inbox = (username: string) =>
    userId(username).then((id) => listNotifications(fixture.db.knex, id, { order: 'newest', limit: 100, offset: 0 }));

  beforeAll(async () => {
    const knex = fixture.db.knex;
    await loadDemoOrgChart(knex);
    services = await loadServiceDefinitions(shippedDir('process-definitions'));
    citizenId = await userId('c.papanikolaou');
    const submitted = await submitApplication(
      knex,
      { userId: citizenId, sourceIp: '127.0.0.1' },
      {
        serviceId: 'residence-certificate',
        data: { fullName: 'Χρήστος Παπανικολάου' },
        idempotencyKey: 'notify-test-1',
        citizenUserId: citizenId,
      },
      testSubmissionDependencies(),
    );
    if (!submitted.ok) throw new Error(submitted.error.message);
    applicationId = submitted.value.applicationId;
    protocolNumber = submitted.value.protocolNumber;
  });

  it('should tell the citizen once per job, with the application and the variables the template names', async () => {
    // given a rejection notice job
    const handler = notifyWorker({ knex: fixture.db.knex, services });
    const rejection = job({
      customHeaders: { template: 'residence-certificate-rejected' },
      variables: {
        applicationId,
        rejectionReason: 'Η διεύθυνση δεν ανήκει στον Δήμο.',
        internalNotes: 'όχι για τον πολίτη',
      },
    });
    // when the worker runs it twice (a retry after a lost completion)
    await handler(rejection);
    await handler(rejection);
    // then the citizen has one notification, in their language, with the reason, protocol number and service
    const page = await inbox('c.papanikolaou');
    expect(page.notifications.filter((n) => n.template === 'residence-certificate-rejected')).toHaveLength(1);
    expect(page.unreadCount).toBe(1);
    const [notice] = page.notifications;
    expect(notice!.applicationId).toBe(applicationId);
    expect(renderNotification(notice!.template, notice!.params, 'en')).toEqual({
      title: `Your application ${protocolNumber} was rejected`,
      body: `Your application “Certificate of permanent residence” (${protocolNumber}) was rejected. Reason: Η διεύθυνση δεν ανήκει στον Δήμο.`,
    });
    expect(JSON.stringify(notice!.params)).not.toContain('όχι για τον πολίτη');
  });

  it('should fail the job naming the element and the template when the template is unknown', async () => {
    // given a model with a template nobody wrote texts for
    const handler = notifyWorker({ knex: fixture.db.knex, services });
    const before = (await inbox('c.papanikolaou')).total;
    // when the worker runs it, then the job fails with a message that says where and what
    await expect(
      handler(
        job({ elementId: 'notifyPaid', customHeaders: { template: 'permit-paid' }, variables: { applicationId } }),
      ),
    ).rejects.toThrow(/notifyPaid.*"permit-paid"/);
    expect((await inbox('c.papanikolaou')).total).toBe(before);
  });

  describe('escalation', () => {
    let deputyId: string | undefined;
    afterEach(async () => {
      if (deputyId) await endDeputy(fixture.db.knex, systemActor, deputyId);
      deputyId = undefined;
    });

    it('should tell the head of the unit and whoever deputises for them today, once, with an audit entry', async () => {
      // given the head of the Municipal Registry (d.alexiou) away today, with a deputy
      const deputised = await setDeputy(fixture.db.knex, systemActor, {
        absentUserId: await userId('d.alexiou'),
        deputyUserId: await userId('k.petrou'),
        fromDate: athensToday(),
        toDate: athensToday(),
        reason: 'Κανονική άδεια',
      });
      if (!deputised.ok) throw new Error(deputised.error.message);
      deputyId = deputised.value.id;
      const handler = escalateWorker({ knex: fixture.db.knex, services });
      const overdue = job({
        type: 'polis:escalate',
        elementId: 'escalate',
        customHeaders: { reason: 'Η αίτηση δεν ελέγχθηκε εντός της προθεσμίας' },
        variables: { unit: 'DD.DHM', applicationId },
      });
      // when the escalation job runs, and runs again
      await handler(overdue);
      await handler(overdue);
      // then the head and the deputy each have one notification, and the manager of the directorate none
      const head = (await inbox('d.alexiou')).notifications.filter((n) => n.template === 'task-escalated');
      const deputy = (await inbox('k.petrou')).notifications.filter((n) => n.template === 'task-escalated');
      expect(head).toHaveLength(1);
      expect(deputy).toHaveLength(1);
      expect((await inbox('m.konstantinou')).notifications.filter((n) => n.template === 'task-escalated')).toEqual([]);
      expect(renderNotification('task-escalated', head[0]!.params, 'el').body).toBe(
        `Η υπόθεση «Βεβαίωση μόνιμης κατοικίας» (${protocolNumber}) της μονάδας Τμήμα Δημοτικής Κατάστασης (Δημοτολόγιο) καθυστερεί: Η αίτηση δεν ελέγχθηκε εντός της προθεσμίας`,
      );
      const audit = await fixture.db.knex('audit_entry').where({ action: 'process.escalated' });
      expect(audit).toHaveLength(1);
      expect(audit[0].details).toMatchObject({ units: ['DD.DHM'], recipients: ['d.alexiou', 'k.petrou'] });
    });

    it('should go up to the head of the directorate for a unit without a head', async () => {
      // given the Citizens' Office (DD.GDM), which has no head, under the Directorate DD (m.konstantinou)
      const handler = escalateWorker({ knex: fixture.db.knex, services });
      // when a citizen request handled there is overdue
      await handler(
        job({
          type: 'polis:escalate',
          bpmnProcessId: 'citizen-request',
          elementId: 'escalate',
          variables: { unit: 'DD.GDM' },
        }),
      );
      // then the head of the directorate is told
      expect((await inbox('m.konstantinou')).notifications.map((n) => n.template)).toContain('task-escalated');
    });

    it('should fail the job when nobody heads the unit or any unit above it', async () => {
      const handler = escalateWorker({ knex: fixture.db.knex, services });
      await expect(
        handler(job({ type: 'polis:escalate', elementId: 'escalate', variables: { unit: 'NO.SUCH' } })),
      ).rejects.toThrow(/NO\.SUCH.*escalate/);
    });
  });
});
