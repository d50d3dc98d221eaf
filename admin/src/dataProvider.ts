import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, type DataProvider } from 'react-admin';
import { session } from './session';
import type { Delivery, Distribution, HistoryEntry, Plan, PlanDiff, PlanEvent, PlanStats, PlanVersionInfo, Task } from './types';

const API = '/api';

/**
 * Every call carries the Bearer token. On failure fetchJson rejects with an HttpError whose body
 * is the server's `{statusCode, code, message, errors}`: react-admin shows `errors` under the inputs.
 */
export const httpClient = (url: string, options: fetchUtils.Options = {}) => {
  const token = session.token();
  // Without a session the answer is known: no request, and react-admin sends the user to the login page.
  if (!token) return Promise.reject(new HttpError('ra.auth.auth_check_error', 401));
  return fetchUtils.fetchJson(url, { ...options, user: { authenticated: true, token: `Bearer ${token}` } });
};

const json = async <T,>(path: string, options?: fetchUtils.Options): Promise<T> => (await httpClient(`${API}${path}`, options)).json as T;

/** `attachment; filename*=UTF-8''Ke-hoach%20227.docx` → `Ke-hoach 227.docx` */
function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/** What the plan pages need beyond react-admin's CRUD methods. */
export const kehoachMethods = {
  sendEvent: (id: string, type: PlanEvent, comment?: string) =>
    json<Plan>(`/plans/${id}/events`, { method: 'POST', body: JSON.stringify(comment ? { type, comment } : { type }) }),
  getTasks: () => json<Task[]>('/tasks'),
  getHistory: (id: string) => json<HistoryEntry[]>(`/plans/${id}/history`),
  getVersions: (id: string) => json<PlanVersionInfo[]>(`/plans/${id}/versions`),
  getDiff: (id: string, from: number, to: number) => json<PlanDiff>(`/plans/${id}/diff?from=${from}&to=${to}`),
  getPlanStats: () => json<PlanStats>('/plans/stats'),
  getDistribution: (id: string) => json<Distribution>(`/plans/${id}/distribution`),
  acknowledge: (id: string) => json<Delivery>(`/plans/${id}/acknowledge`, { method: 'POST' }),
  /** A recipient committee's implementing plan: a new draft citing this one. */
  derivePlan: (id: string) => json<Plan>(`/plans/${id}/derive`, { method: 'POST' }),

  async downloadDocument(id: string): Promise<{ blob: Blob; fileName: string }> {
    const token = session.token();
    const response = await fetch(`${API}/plans/${id}/document`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new HttpError(body.message ?? response.statusText, response.status, body);
    }
    return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition'), `ke-hoach-${id}.docx`) };
  },
};

export type KehoachMethods = typeof kehoachMethods;

export const dataProvider: DataProvider & KehoachMethods = { ...simpleRestProvider(API, httpClient), ...kehoachMethods };
