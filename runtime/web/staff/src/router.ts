import { nextTick } from 'vue';
import { clearAnnouncements } from '../../shared/announcer';
import { createRouter, createWebHistory } from 'vue-router';
import OrgChartPage from './orgchart/OrgChartPage.vue';
import PeoplePage from './people/PeoplePage.vue';
import AuditPage from './audit/AuditPage.vue';
import NotFoundPage from './components/NotFoundPage.vue';
import InboxPage from './inbox/InboxPage.vue';
import { loadSession, worksTasks } from './session';

/** The staff app's pages, under the base the runtime serves it at (/app/). */
export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    // The first page is the inbox for those who work tasks, the org chart for the others (admins, managers).
    {
      path: '/',
      name: 'home',
      component: NotFoundPage,
      beforeEnter: async () => {
        await loadSession();
        return worksTasks.value ? { name: 'inbox' } : { name: 'org' };
      },
    },
    { path: '/inbox', name: 'inbox', component: InboxPage },
    // The task page brings Form.io and (on demand) bpmn-js: a chunk of its own, so the inbox stays light.
    { path: '/tasks/:taskId', name: 'task', component: () => import('./tasks/TaskPage.vue'), props: true },
    { path: '/org/:unitId?', name: 'org', component: OrgChartPage, props: true },
    { path: '/people/:userId?', name: 'people', component: PeoplePage, props: true },
    { path: '/audit', name: 'audit', component: AuditPage },
    { path: '/:rest(.*)*', name: 'notFound', component: NotFoundPage },
  ],
});

// On a move to another page (not another unit on the same page), focus its heading so screen readers start there.
router.afterEach(async (to, from) => {
  if (from.matched.length === 0 || to.name === from.name) return;
  clearAnnouncements();
  await nextTick();
  document.querySelector<HTMLElement>('main h1')?.focus();
});
