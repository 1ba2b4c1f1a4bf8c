import { createRouter, createWebHistory } from 'vue-router';
import { clearAnnouncements } from '../../shared/announcer';
import { focusHeading, noteMoveInside } from './components/focusHeading';
import CataloguePage from './catalogue/CataloguePage.vue';
import ServicePage from './catalogue/ServicePage.vue';
import MyApplicationsPage from './applications/MyApplicationsPage.vue';
import ApplicationPage from './applications/ApplicationPage.vue';
import ReceiptPage from './apply/ReceiptPage.vue';
import NotFoundPage from './components/NotFoundPage.vue';
import NotificationsPage from './notifications/NotificationsPage.vue';
import { refreshNotifications } from './notifications/notificationStore';

/** The portal's pages, under the base the runtime serves it at (/portal/). */
export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/', name: 'catalogue', component: CataloguePage },
    { path: '/services/:serviceId', name: 'service', component: ServicePage, props: true },
    // Form.io is large: it loads only when a citizen applies.
    {
      path: '/services/:serviceId/apply',
      name: 'apply',
      component: () => import('./apply/ApplyPage.vue'),
      props: true,
    },
    { path: '/applications', name: 'mine', component: MyApplicationsPage },
    { path: '/applications/:applicationId', name: 'application', component: ApplicationPage, props: true },
    { path: '/applications/:applicationId/receipt', name: 'receipt', component: ReceiptPage, props: true },
    { path: '/notifications', name: 'notifications', component: NotificationsPage },
    { path: '/:rest(.*)*', name: 'notFound', component: NotFoundPage },
  ],
  scrollBehavior: () => ({ top: 0 }),
});

/**
 * After a move to another page, screen readers and keyboard users start at its heading. Pages that load their
 * data first focus their heading themselves once it is shown (see focusHeading).
 */
router.afterEach(async (to, from) => {
  if (from.matched.length === 0 || to.path === from.path) return;
  // The unread badge follows the citizen from page to page.
  void refreshNotifications();
  noteMoveInside();
  clearAnnouncements();
  await focusHeading();
});
