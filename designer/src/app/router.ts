import { nextTick } from 'vue';
import { createRouter, createWebHistory } from 'vue-router';
import { clearAnnouncements } from '@polis-web-shared/announcer';
import LibraryPage from './library/LibraryPage.vue';

/** The designer's pages, under the base the runtime serves it at (/designer/). */
export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/', name: 'library', component: LibraryPage },
    // The modeler (bpmn-js and its panel) is loaded when first opened.
    { path: '/designs/:designId', name: 'modeler', component: () => import('./modeler/ModelerPage.vue'), props: true },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

// On a move to another page, focus its heading so screen readers start there.
router.afterEach(async (to, from) => {
  if (from.matched.length === 0 || to.name === from.name) return;
  clearAnnouncements();
  await nextTick();
  document.querySelector<HTMLElement>('main h1')?.focus();
});
