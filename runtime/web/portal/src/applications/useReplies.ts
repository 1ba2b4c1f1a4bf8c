import { ref } from 'vue';
import type { ReplyState } from '../api/types';
import { api } from '../session';

/** What an application waits for from the citizen, and the replies they sent (GET /applications/:id/replies). */
export function useReplies(applicationId: () => string) {
  const state = ref<ReplyState>();
  async function load(): Promise<void> {
    try {
      state.value = await api.replies(applicationId());
    } catch {
      // Without it the page still shows the application; the view's own awaitingReply is used.
      state.value = undefined;
    }
  }
  return { state, load };
}
