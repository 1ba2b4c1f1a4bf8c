import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../http/useTestApp.js';
import { athensToday } from '../../orgchart/athensToday.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const MISSING = '00000000-0000-4000-8000-000000000000';

/** The day `days` after today in Athens, as yyyy-mm-dd. */
const day = (days: number) =>
  new Date(Date.parse(`${athensToday()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('org deputies API', () => {
  const app = useTestApp();
  const audit = async (objectId: string) =>
    (await (await app.as('admin')).request('GET', `/api/v1/audit?objectId=${objectId}`)).json.entries as {
      action: string;
      actorUsername: string;
      details: Record<string, unknown>;
    }[];
  const deputiesOf = async (userId: string) =>
    (await (await app.as('clerk')).request('GET', `/api/v1/org/deputies?userId=${userId}`)).json.deputies as {
      id: string;
      absentUserId: string;
      fromDate: string;
      toDate: string;
    }[];
  const arrangement = async (absent: string, deputy: string, from: number, to: number) => ({
    absentUserId: await app.userId(absent),
    deputyUserId: await app.userId(deputy),
    fromDate: day(from),
    toDate: day(to),
    reason: 'Κανονική άδεια',
  });

  it('should let a head of unit name a deputy for a member of their unit, visible and audited', async () => {
    // given d.alexiou heads DD.DHM, where m.panagiotou works
    const head = await app.as('headOfUnit');
    const body = await arrangement('m.panagiotou', 'k.petrou', 30, 35);
    // when
    const response = await head.request('POST', '/api/v1/org/deputies', body);
    // then
    expect(response.status).toBe(201);
    expect(response.json.deputy).toEqual({ id: expect.stringMatching(/^\d+$/), ...body });
    expect(await deputiesOf(body.absentUserId)).toContainEqual(response.json.deputy);
    const on = await (await app.as('clerk')).request('GET', `/api/v1/org/deputies?on=${day(35)}`);
    expect(on.json.deputies).toContainEqual(response.json.deputy);
    for (const d of on.json.deputies as { fromDate: string; toDate: string }[])
      expect(d.fromDate <= day(35) && d.toDate >= day(35)).toBe(true);
    expect(await audit(response.json.deputy.id)).toMatchObject([{ action: 'deputy.set', actorUsername: 'd.alexiou' }]);
  });

  it('should let a head of a unit above name deputies too, and delete an arrangement that has not started', async () => {
    // given m.konstantinou heads DD, above DD.DHM
    const manager = await app.as('manager');
    const created = await manager.request(
      'POST',
      '/api/v1/org/deputies',
      await arrangement('d.alexiou', 'k.petrou', 40, 41),
    );
    const id = created.json.deputy.id as string;
    // when
    const ended = await manager.request('DELETE', `/api/v1/org/deputies/${id}`);
    // then
    expect(created.status).toBe(201);
    expect(ended.status).toBe(204);
    expect((await deputiesOf(await app.userId('d.alexiou'))).map((d) => d.id)).not.toContain(id);
    expect(await audit(id)).toMatchObject([
      { action: 'deputy.ended', actorUsername: 'm.konstantinou', details: { before: { id }, after: null } },
      { action: 'deputy.set' },
    ]);
  });

  it('should cut a started arrangement short to end yesterday', async () => {
    // given
    const admin = await app.as('admin');
    const created = await admin.request(
      'POST',
      '/api/v1/org/deputies',
      await arrangement('s.marinos', 'e.christodoulou', -5, 5),
    );
    const id = created.json.deputy.id as string;
    // when
    const ended = await admin.request('DELETE', `/api/v1/org/deputies/${id}`);
    // then
    expect(ended.status).toBe(204);
    expect(await deputiesOf(await app.userId('s.marinos'))).toMatchObject([{ id, fromDate: day(-5), toDate: day(-1) }]);
    expect((await audit(id))[0]).toMatchObject({
      action: 'deputy.ended',
      details: { before: { toDate: day(5) }, after: { toDate: day(-1) } },
    });
  });

  it('should refuse invalid dates and fields, naming the field at fault', async () => {
    // given
    const admin = await app.as('admin');
    const body = await arrangement('l.vlachos', 'a.stavrou', 1, 2);
    // when
    const impossibleDay = await admin.request('POST', '/api/v1/org/deputies', { ...body, toDate: '2027-02-30' });
    const reversed = await admin.request('POST', '/api/v1/org/deputies', { ...body, fromDate: day(3) });
    const self = await admin.request('POST', '/api/v1/org/deputies', { ...body, deputyUserId: body.absentUserId });
    const { reason: _reason, ...withoutReason } = body;
    const noReason = await admin.request('POST', '/api/v1/org/deputies', withoutReason);
    const badDay = await admin.request('GET', '/api/v1/org/deputies?on=tomorrow');
    // then
    expect(impossibleDay.status).toBe(400);
    expect(impossibleDay.json.error).toMatchObject({ id: 'invalid_request', field: 'body.toDate' });
    expect(reversed.json.error).toMatchObject({ id: 'deputy_dates_invalid', field: 'body.toDate' });
    expect(self.json.error).toMatchObject({ id: 'deputy_self', field: 'body.deputyUserId' });
    expect(noReason.json.error).toMatchObject({ id: 'invalid_request', field: 'body.reason' });
    expect(badDay.json.error).toMatchObject({ id: 'invalid_request', field: 'query.on' });
    expect(await deputiesOf(body.absentUserId)).toEqual([]);
  });

  it('should answer an overlap or an ended arrangement with 409 and unknown ones with 404', async () => {
    // given k.petrou's demo arrangement, and one that is over
    const admin = await app.as('admin');
    const petrou = await app.userId('k.petrou');
    const petrouArrangement = (await deputiesOf(petrou)).find((d) => d.absentUserId === petrou);
    const past = await admin.request(
      'POST',
      '/api/v1/org/deputies',
      await arrangement('p.kyriakou', 'g.athanasiou', -20, -10),
    );
    // when
    const overlap = await admin.request('POST', '/api/v1/org/deputies', {
      ...(await arrangement('k.petrou', 'd.alexiou', 0, 0)),
      fromDate: petrouArrangement!.toDate,
      toDate: petrouArrangement!.toDate,
    });
    const over = await admin.request('DELETE', `/api/v1/org/deputies/${past.json.deputy.id}`);
    const unknown = await admin.request('DELETE', '/api/v1/org/deputies/999999');
    const unknownUser = await admin.request('POST', '/api/v1/org/deputies', {
      ...(await arrangement('p.kyriakou', 'g.athanasiou', 50, 51)),
      deputyUserId: MISSING,
    });
    // then
    expect(overlap.status).toBe(409);
    expect(overlap.json.error).toMatchObject({ id: 'deputy_overlap', field: 'body.fromDate' });
    expect(over.status).toBe(409);
    expect(over.json.error).toMatchObject({ id: 'deputy_already_ended', field: 'params.deputyId' });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatchObject({ id: 'deputy_not_found', field: 'params.deputyId' });
    expect(unknownUser.status).toBe(404);
    expect(unknownUser.json.error).toMatchObject({ id: 'user_not_found', field: 'body.deputyUserId' });
  });

  it('should refuse deputies for people outside the head’s units, and to anyone but admins and heads', async () => {
    // given a.kostopoulos works in DD.KEP, which d.alexiou does not head; k.petrou's arrangement is in DD.DHM
    const head = await app.as('headOfUnit');
    const outside = await arrangement('a.kostopoulos', 'd.spyropoulou', 60, 61);
    const set = await (await app.as('admin')).request('POST', '/api/v1/org/deputies', outside);
    // when
    const post = await head.request('POST', '/api/v1/org/deputies', outside);
    const remove = await head.request('DELETE', `/api/v1/org/deputies/${set.json.deputy.id}`);
    const asClerk = await (
      await app.as('clerk')
    ).request('POST', '/api/v1/org/deputies', await arrangement('m.panagiotou', 'k.petrou', 70, 71));
    const asReader = await (
      await app.as('readerSystem')
    ).request('DELETE', `/api/v1/org/deputies/${set.json.deputy.id}`);
    const citizenReads = await (await app.as('citizen')).request('GET', '/api/v1/org/deputies');
    // then
    expect(post.status).toBe(403);
    expect(post.json.error).toMatchObject({ id: 'forbidden', message: expect.stringMatching(/units they head/) });
    expect(remove.status).toBe(403);
    expect(asClerk.status).toBe(403);
    expect(asClerk.json.error.message).toMatch(/Only admins and heads of unit/);
    expect([asReader.status, citizenReads.status]).toEqual([403, 403]);
    expect(await deputiesOf(outside.absentUserId)).toHaveLength(1);
  });

  it('should document its operations in the OpenAPI document, with the schemas the answers match', async () => {
    // given
    const document = (await (await app.as('anonymous')).request('GET', '/api/v1/openapi.json')).json;
    // then
    const deputies = document.paths['/org/deputies'];
    expect([deputies.get.operationId, deputies.post.operationId]).toEqual(['listDeputies', 'setDeputy']);
    expect(deputies.post.requestBody.content['application/json'].schema.properties.fromDate).toMatchObject({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    });
    expect(document.paths['/org/deputies/{deputyId}'].delete.operationId).toBe('endDeputy');
    const validate = addFormats(new Ajv2020({ strict: false })).compile(
      deputies.get.responses['200'].content['application/json'].schema,
    );
    const answer = (await (await app.as('readerSystem')).request('GET', '/api/v1/org/deputies')).json;
    expect(validate(answer), JSON.stringify(validate.errors)).toBe(true);
  });
});
