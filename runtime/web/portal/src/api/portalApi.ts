import { ApiError, toApiError } from '../../../shared/api/ApiError';
import type { ApiClient } from '../../../shared/api/createApiClient';
import type {
  Application,
  ApplicationSummary,
  Draft,
  FormVersion,
  Me,
  NotificationPage,
  Receipt,
  Reply,
  ReplyState,
  Service,
  SubmissionCheck,
  UploadedAttachment,
} from './types';

/** The calls of the portal to the Polis API. */
export function portalApi(client: ApiClient, csrfToken: () => string | undefined) {
  const enc = encodeURIComponent;
  return {
    me: () => client.get<Me>('/me'),
    services: () => client.get<{ services: Service[] }>('/services').then((r) => r.services),
    service: (id: string) => client.get<{ service: Service }>(`/services/${enc(id)}`).then((r) => r.service),
    form: (formId: string) => client.get<FormVersion>(`/forms/${enc(formId)}`),
    formVersion: (formId: string, version: number) =>
      client.get<FormVersion>(`/forms/${enc(formId)}/versions/${version}`),
    validate: (formId: string, version: number, data: unknown) =>
      client.post<SubmissionCheck>(`/forms/${enc(formId)}/versions/${version}/validate`, { data }),
    mine: () => client.get<{ applications: ApplicationSummary[] }>('/applications/mine').then((r) => r.applications),
    application: (id: string) => client.get<Application>(`/applications/${enc(id)}`),
    replies: (id: string) => client.get<ReplyState>(`/applications/${enc(id)}/replies`),
    /** Answers a request for more information; the same key on a retry answers the same reply. */
    reply: (id: string, messageName: string, data: unknown, idempotencyKey: string) =>
      client.post<{ reply: Pick<Reply, 'replyId' | 'messageName' | 'submittedAt'> }>(
        `/applications/${enc(id)}/replies`,
        { messageName, data, idempotencyKey },
      ),
    draft: (serviceId: string) =>
      client.get<{ draft: Draft | null }>(`/services/${enc(serviceId)}/draft`).then((r) => r.draft),
    saveDraft: (serviceId: string, formId: string, formVersion: number, data: unknown) =>
      client
        .put<{ draft: Draft }>(`/services/${enc(serviceId)}/draft`, { formId, formVersion, data })
        .then((r) => r.draft),
    discardDraft: (serviceId: string) => client.delete(`/services/${enc(serviceId)}/draft`),
    notifications: () => client.get<NotificationPage>('/me/notifications'),
    markNotificationRead: (id: string) => client.post<unknown>(`/me/notifications/${enc(id)}/read`, {}),

    /** Submits an application; the same idempotency key on a retry answers the same application. */
    async submit(serviceId: string, data: unknown, idempotencyKey: string): Promise<Receipt> {
      return send<Receipt>(client.url('/applications'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify({ serviceId, data }),
      });
    },

    /** Uploads a file as it is, before the application that names it is submitted. */
    async upload(file: File): Promise<UploadedAttachment> {
      return send<UploadedAttachment>(client.url('/attachments'), {
        method: 'POST',
        headers: {
          'Content-Type': file.type || 'application/octet-stream',
          'X-Filename': encodeURIComponent(file.name),
        },
        body: file,
      });
    },
  };

  // The shared client speaks JSON with fixed headers; these two need their own (a key, a raw body).
  async function send<T>(url: string, init: RequestInit & { headers: Record<string, string> }): Promise<T> {
    const token = csrfToken();
    const headers = { Accept: 'application/json', ...init.headers, ...(token ? { 'X-CSRF-Token': token } : {}) };
    let response: Response;
    try {
      response = await fetch(url, { ...init, headers, credentials: 'same-origin' });
    } catch (cause) {
      throw new ApiError('network_error', cause instanceof Error ? cause.message : String(cause), 0);
    }
    if (!response.ok) throw toApiError(response.status, await response.text());
    return (await response.json()) as T;
  }
}

/** The portal's API. */
export type PortalApi = ReturnType<typeof portalApi>;
