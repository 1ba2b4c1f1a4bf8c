import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../http/useTestApp.js';
import { upsertTaskFromJob } from '../../tasks/upsertTaskFromJob.js';

describe('GET /tasks filters', () => {
  const app = useTestApp();
  let jobs = 0;

  /** A user task of the registry (DD.DHM) arriving from the engine; answers its id. */
  async function arrives(variables: Record<string, unknown>, due: Date): Promise<string> {
    jobs++;
    await upsertTaskFromJob(
      app.db.knex,
      {
        key: String(700_000 + jobs),
        type: 'io.camunda.zeebe:userTask',
        processInstanceKey: String(800_000 + jobs),
        bpmnProcessId: 'residence-certificate',
        processDefinitionVersion: 1,
        elementId: 'check',
        elementInstanceKey: String(900_000 + jobs),
        retries: 1,
        deadline: Date.now() + 60_000,
        variables,
        customHeaders: {
          'io.camunda.zeebe:candidateGroups': '["DD.DHM"]',
          'io.camunda.zeebe:dueDate': due.toISOString(),
        },
      },
      'Έλεγχος αίτησης',
    );
    const row = (await app.db
      .knex('task')
      .where({ job_key: String(700_000 + jobs) })
      .first('id')) as { id: string };
    return row.id;
  }

  it('should filter the inbox by citizen, protocol number, overdue and var.<name>=<value>', async () => {
    // given three registry tasks
    const late = await arrives(
      { protocolNumber: 'ΕΙΣ-2026/000101', afm: '123456783', firstName: 'Ελένη', lastName: 'Γεωργίου', zone: 'Α' },
      new Date(Date.now() - 86_400_000),
    );
    const soon = await arrives(
      { protocolNumber: 'ΕΙΣ-2026/000102', firstName: 'Νίκος', lastName: 'Γεωργιάδης', zone: 'Β', m2: 40 },
      new Date(Date.now() + 86_400_000),
    );
    await arrives(
      { protocolNumber: 'ΕΙΣ-2026/000103', firstName: 'Άννα', lastName: 'Οικονόμου', zone: 'Α' },
      new Date(Date.now() + 2 * 86_400_000),
    );
    const clerk = await app.as('clerk');
    const ids = async (query: string) => {
      const response = await clerk.request('GET', `/api/v1/tasks?${query}`);
      expect(response.status).toBe(200);
      return (response.json.tasks as { id: string }[]).map((t) => t.id);
    };
    // when / then
    expect(await ids('citizen=123456783')).toEqual([late]);
    expect(await ids(`citizen=${encodeURIComponent('γεωργ')}`)).toEqual([late, soon]);
    expect(await ids(`protocolNumber=${encodeURIComponent('ΕΙΣ-2026/000102')}`)).toEqual([soon]);
    expect(await ids('overdue=true&var.zone=%CE%91')).toEqual([late]);
    expect(await ids('var.zone=%CE%92&var.m2=40')).toEqual([soon]);
  });

  it('should refuse a variable filter whose name is not a variable name, naming the parameter', async () => {
    // when
    const response = await (await app.as('clerk')).request('GET', '/api/v1/tasks?var.zone%3B1=x');
    // then
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({ field: 'query.var.zone;1' });
  });
});
