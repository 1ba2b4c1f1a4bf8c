import { nextTick } from 'vue';

let movedInside = false;

/** Notes that the citizen has moved to another page inside the portal (not the first page loaded). */
export function noteMoveInside(): void {
  movedInside = true;
}

/**
 * Focuses the page's heading, so that screen readers and keyboard users start there after a move inside the portal;
 * on the first page loaded the browser starts at the top as usual. Pages that load data first call it once shown.
 */
export async function focusHeading(): Promise<void> {
  if (!movedInside) return;
  await nextTick();
  const heading = document.querySelector<HTMLElement>('main h1');
  if (heading && !heading.contains(document.activeElement)) heading.focus();
}
