import type { ApiClient } from '@polis-web-shared/api/createApiClient';
import type { Deployment, Design, DesignSummary, FormSummary, Me, OrgUnit, ServerProblem } from './types';

/** An answer read whole, for the calls whose refusals carry more than the shared ApiError keeps. */
export interface RawAnswer<T> {
  readonly status: number;
  readonly ok: boolean;
  readonly json: T | { error: Record<string, unknown> & { id: string; message: string } };
}

/** A state-changing JSON call that answers its status and body as they are. */
export type RawRequest = <T>(method: 'POST' | 'PUT', path: string, body: unknown) => Promise<RawAnswer<T>>;

/** The API calls of the designer. */
export function designApi(api: ApiClient, raw: RawRequest) {
  const id = encodeURIComponent;
  return {
    me: () => api.get<Me>('/me'),
    designs: async (q?: string) => (await api.get<{ designs: DesignSummary[] }>('/designs', { q })).designs,
    design: (designId: string) => api.get<Design>(`/designs/${id(designId)}`),
    create: (input: { name?: string; xml?: string }) => api.post<Design>('/designs', input),
    /** Answers 409 with `revision`, `savedBy` and `savedAt` when someone saved first. */
    save: (designId: string, input: { xml: string; revision: number }) =>
      raw<Design>('PUT', `/designs/${id(designId)}`, input),
    duplicate: (designId: string, name?: string) =>
      api.post<Design>(`/designs/${id(designId)}/duplicate`, name ? { name } : {}),
    validate: async (designId: string, xml?: string) =>
      (await api.post<{ problems: ServerProblem[] }>(`/designs/${id(designId)}/validate`, xml ? { xml } : {})).problems,
    /** Answers 422 with `problems` when the design has errors. */
    deploy: (designId: string) => raw<Deployment>('POST', `/designs/${id(designId)}/deploy`, {}),
    deployments: async (designId: string) =>
      (await api.get<{ deployments: Deployment[] }>(`/designs/${id(designId)}/deployments`)).deployments,
    units: async () => (await api.get<{ units: OrgUnit[] }>('/org/units')).units,
    forms: async () => (await api.get<{ forms: FormSummary[] }>('/forms')).forms,
    form: (formId: string) => api.get<{ definition: unknown }>(`/forms/${id(formId)}`),
  };
}
