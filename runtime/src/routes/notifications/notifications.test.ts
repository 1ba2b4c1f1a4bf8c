import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../http/useTestApp.js';
import { notify } from '../../notifications/notify.js';
import { notificationPageSchema } from './schema.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
/** The documented shape of a page, as the OpenAPI document publishes it. */
const isDocumentedPage = addFormats(new Ajv({ strict: true, allowUnionTypes: true })).compile(notificationPageSchema);

describe('the notification routes', () => {
  const app = useTestApp();
  let citizenId = '';
  let otherId = '';
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    citizenId = await app.userId('c.papanikolaou');
    otherId = await app.userId('d.alexiou');
    // given two notifications for the citizen (the older one), and one for a head of unit
    await app.db.knex.transaction(async (trx) => {
      ids.older = (await notify(trx, {
        recipientUserId: citizenId,
        template: 'citizen-request-received',
        params: { protocolNumber: 'ΕΙΣ-2026/000001', serviceTitle: { el: 'Αίτημα πολίτη', en: 'Citizen request' } },
      }))!.id;
    });
    await app.db.knex.transaction(async (trx) => {
      ids.newer = (await notify(trx, {
        recipientUserId: citizenId,
        template: 'residence-certificate-rejected',
        params: {
          protocolNumber: 'ΕΙΣ-2026/000002',
          serviceTitle: { el: 'Βεβαίωση', en: 'Certificate' },
          rejectionReason: 'Λείπει αποδεικτικό',
        },
      }))!.id;
      ids.other = (await notify(trx, {
        recipientUserId: otherId,
        template: 'task-overdue',
        params: {
          taskName: 'Έλεγχος',
          protocolNumber: 'ΕΙΣ-2026/000003',
          unitName: { el: 'Δημοτολόγιο', en: 'Registry' },
          dueDate: '27-11-2026 15:00',
        },
      }))!.id;
    });
    await app.db
      .knex('notification')
      .where({ id: ids.older })
      .update({ created_at: new Date(Date.now() - 60_000) });
  });

  it('should show a person only their own notifications, rendered in their language, newest first', async () => {
    // when the citizen lists their notifications in English
    const citizen = await app.as('citizen');
    const page = await citizen.request('GET', '/api/v1/me/notifications?order=newest&lang=en');
    // then they see their two, not the head of unit's, with the texts filled in
    expect(page.status).toBe(200);
    expect(isDocumentedPage(page.json), JSON.stringify(isDocumentedPage.errors)).toBe(true);
    expect(page.json.notifications.map((n: { id: string }) => n.id)).toEqual([ids.newer, ids.older]);
    expect(page.json.unreadCount).toBe(2);
    expect(page.json.notifications[1]).toMatchObject({
      template: 'citizen-request-received',
      title: 'We received your request ΕΙΣ-2026/000001',
      body: 'Your request “Citizen request”, protocol number ΕΙΣ-2026/000001, has been passed to the competent department.',
      read: false,
      readAt: null,
    });
    const greek = await citizen.request('GET', '/api/v1/me/notifications?lang=el&limit=1&offset=1');
    expect(greek.json.notifications).toHaveLength(1);
    expect(greek.json.total).toBe(2);
    expect(greek.json.notifications[0].body).toContain('«Αίτημα πολίτη»');
  });

  it('should mark one read, list unread ones first, and not let anyone mark another person’s', async () => {
    const citizen = await app.as('citizen');
    // when the citizen reads the newer one, and tries to mark the head of unit's
    const read = await citizen.request('POST', `/api/v1/me/notifications/${ids.newer}/read`);
    const foreign = await citizen.request('POST', `/api/v1/me/notifications/${ids.other}/read`);
    // then theirs is read and the other refused as unknown, still unread for its owner
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ id: ids.newer, read: true, readAt: expect.any(String) });
    expect(foreign.status).toBe(404);
    expect(foreign.json.error).toMatchObject({ id: 'notification_not_found', field: 'params.notificationId' });
    const head = await (await app.as('headOfUnit')).request('GET', '/api/v1/me/notifications');
    expect(head.json).toMatchObject({ unreadCount: 1, total: 1 });
    // and unread-first order puts the older, unread one first
    const page = await citizen.request('GET', '/api/v1/me/notifications');
    expect(page.json.notifications.map((n: { id: string }) => n.id)).toEqual([ids.older, ids.newer]);
    expect(page.json.unreadCount).toBe(1);
  });

  it('should mark all of a person’s notifications read, and only theirs', async () => {
    const citizen = await app.as('citizen');
    // when the citizen marks all read
    const all = await citizen.request('POST', '/api/v1/me/notifications/read-all');
    // then none of theirs is unread, and the head of unit's still is
    expect(all.status).toBe(200);
    expect(all.json).toEqual({ marked: 1, unreadCount: 0 });
    expect((await citizen.request('GET', '/api/v1/me/notifications')).json.unreadCount).toBe(0);
    const head = await (await app.as('headOfUnit')).request('GET', '/api/v1/me/notifications');
    expect(head.json.unreadCount).toBe(1);
  });
});
