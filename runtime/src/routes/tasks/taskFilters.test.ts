import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../http/useTestApp.js';

describe('saved inbox filters (/api/v1/me/task-filters)', () => {
  const app = useTestApp();

  it('should save, list and delete a person’s own filters, which GET /tasks takes back as they are', async () => {
    // given a clerk
    const clerk = await app.as('clerk');
    const query = {
      filter: 'units',
      status: 'open',
      processId: 'residence-certificate',
      sort: 'created',
      pageSize: 20,
    };
    // when they save two filters and list them
    const saved = await clerk.request('POST', '/api/v1/me/task-filters', { name: 'Βεβαιώσεις', query });
    const other = await clerk.request('POST', '/api/v1/me/task-filters', {
      name: 'Ανοιχτές',
      query: { status: 'open' },
    });
    const listed = await clerk.request('GET', '/api/v1/me/task-filters');
    // then they come back by name, with the query as given
    expect(saved.status).toBe(201);
    expect(saved.json.filter).toMatchObject({ id: expect.any(String), name: 'Βεβαιώσεις', query });
    expect(listed.json.filters.map((f: { name: string }) => f.name)).toEqual(['Ανοιχτές', 'Βεβαιώσεις']);
    // and the saved query is a valid inbox query
    const params = new URLSearchParams(
      Object.fromEntries(
        Object.entries(saved.json.filter.query as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
      ),
    );
    expect((await clerk.request('GET', `/api/v1/tasks?${params.toString()}`)).status).toBe(200);
    // and another person sees none of them and cannot delete them
    const colleague = await app.asUser('m.panagiotou');
    expect((await colleague.request('GET', '/api/v1/me/task-filters')).json.filters).toEqual([]);
    const foreign = await colleague.request('DELETE', `/api/v1/me/task-filters/${saved.json.filter.id as string}`);
    expect(foreign.status).toBe(404);
    expect(foreign.json.error.id).toBe('task_filter_not_found');
    // when the clerk deletes one
    const deleted = await clerk.request('DELETE', `/api/v1/me/task-filters/${other.json.filter.id as string}`);
    // then it is gone
    expect(deleted.status).toBe(204);
    expect((await clerk.request('GET', '/api/v1/me/task-filters')).json.filters).toEqual([saved.json.filter]);
  });

  it('should refuse a query GET /tasks would refuse, a cursor, and a name already used, naming the field', async () => {
    const clerk = await app.as('headOfUnit');
    // when
    const badStatus = await clerk.request('POST', '/api/v1/me/task-filters', {
      name: 'x',
      query: { status: 'finished' },
    });
    const unknown = await clerk.request('POST', '/api/v1/me/task-filters', { name: 'x', query: { colour: 'red' } });
    const cursor = await clerk.request('POST', '/api/v1/me/task-filters', { name: 'x', query: { cursor: 'abc' } });
    const blank = await clerk.request('POST', '/api/v1/me/task-filters', { name: '   ', query: {} });
    const first = await clerk.request('POST', '/api/v1/me/task-filters', { name: 'Εκπρόθεσμες', query: {} });
    const taken = await clerk.request('POST', '/api/v1/me/task-filters', { name: 'Εκπρόθεσμες', query: {} });
    // then
    expect(badStatus.status).toBe(400);
    expect(badStatus.json.error).toMatchObject({ id: 'invalid_request', field: 'body.query.status' });
    expect(unknown.json.error.field).toBe('body.query.colour');
    expect(cursor.json.error.field).toBe('body.query.cursor');
    expect(blank.json.error.field).toBe('body.name');
    expect(first.status).toBe(201);
    expect(taken.status).toBe(409);
    expect(taken.json.error).toMatchObject({ id: 'task_filter_name_taken', field: 'body.name' });
  });
});
