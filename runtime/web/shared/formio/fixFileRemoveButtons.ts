/**
 * Form.io's file field draws each file's remove control as a focusable `<i>` that answers clicks only: it gets the
 * role of a button and answers Enter and Space too (WCAG 2.1.1, 4.1.2), each time Form.io redraws it.
 * Answers a function that stops watching.
 */
export function fixFileRemoveButtons(container: HTMLElement): () => void {
  const fix = () => {
    for (const icon of container.querySelectorAll<HTMLElement>('[ref="removeLink"]:not([role])')) {
      icon.setAttribute('role', 'button');
      icon.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        icon.click();
      });
    }
  };
  fix();
  const observer = new MutationObserver(fix);
  observer.observe(container, { childList: true, subtree: true });
  return () => observer.disconnect();
}
