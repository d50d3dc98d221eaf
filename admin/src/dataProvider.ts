import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, type DataProvider } from 'react-admin';
import { CSRF_HEADER, session } from './session';
import type { NotificationSettings, NotificationSettingsUpdate } from './notifications/types';
import type {
  Capacity,
  Delivery,
  Distribution,
  HistoryEntry,
  ImplementingPlan,
  IncomingChange,
  IncomingDocument,
  MyReport,
  OrganisationChange,
  OrganisationChangeKind,
  OrganisationTemplate,
  PdfSignatureCheck,
  Plan,
  PlanCorrection,
  PlanDiff,
  PlanEvent,
  PlanStats,
  PlanVersionInfo,
  Report,
  ReportRevision,
  ReportSummary,
  Role,
  SaveReport,
  RoundToFollow,
  OrganisationSigning,
  OrganisationUnit,
  OrganisationUnitInput,
  SigningCredential,
  SearchHit,
  Task,
  TemplateKind,
  UserSigning,
} from './types';

const API = '/api';

/**
 * Every call carries the session cookie (the browser adds it) and the CSRF token the server asks of
 * changes made with that cookie. On failure fetchJson rejects with an HttpError whose body is the
 * server's `{statusCode, code, message, errors}`: react-admin shows `errors` under the inputs.
 */
export const httpClient = (url: string, options: fetchUtils.Options = {}) => {
  // Without a session the answer is known: no request, and react-admin sends the user to the login page.
  if (!session.active()) return Promise.reject(new HttpError('ra.auth.auth_check_error', 401));
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  headers.set(CSRF_HEADER, session.csrfToken());
  return fetchUtils.fetchJson(url, { ...options, headers });
};

const json = async <T,>(path: string, options?: fetchUtils.Options): Promise<T> => (await httpClient(`${API}${path}`, options)).json as T;

/** `attachment; filename*=UTF-8''Ke-hoach%20227.docx` → `Ke-hoach 227.docx` */
function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/** A multipart body; fields first, as the server reads them before the file. */
function multipart(fields: Record<string, string | File>): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return body;
}

/** Whose signing key: a person signs in their own name (with a signature image), an organisation with its seal. */
export type SigningHolder = { resource: 'users' | 'organisations'; id: string };

const signingPath = ({ resource, id }: SigningHolder) => `/${resource}/${id}/signing`;
const signingImagePath = (holder: SigningHolder) => `${signingPath(holder)}/${holder.resource === 'users' ? 'image' : 'seal'}`;

/** The holder's signature image or seal as the browser loads it; `version` makes a new upload load afresh. */
export const signingImageUrl = (holder: SigningHolder, version: number) => `${API}${signingImagePath(holder)}?v=${version}`;

/** The total of a list answer's `Content-Range: tasks 0-49/120`. */
const totalOf = (contentRange: string | null) => Number(/\/(\d+)$/.exec(contentRange ?? '')?.[1] ?? 0);

/** The first page of one of the inbox's lists, with how many rows the whole list has. */
async function inboxPage(path: '/tasks' | '/following'): Promise<{ data: Task[]; total: number }> {
  const { json: data, headers } = await httpClient(`${API}${path}?range=${encodeURIComponent('[0,49]')}`);
  return { data: data as Task[], total: totalOf(headers.get('Content-Range')) };
}

const reportPath = (id: string, deadline: number) => `/plans/${id}/reports/${deadline}`;

/** A file the API answers (DOCX, CSV), with the name its Content-Disposition gives. */
async function download(path: string, fallbackName: string): Promise<{ blob: Blob; fileName: string }> {
  const response = await fetch(`${API}${path}`);
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new HttpError(body.message ?? response.statusText, response.status, body);
  }
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition'), fallbackName) };
}

/** What the plan pages need beyond react-admin's CRUD methods. */
export const kehoachMethods = {
  /**
   * `pin`: the signer's key PIN for SIGN, APPROVE, ISSUE when the server holds the key; `organisationId`:
   * the organisation signed for, when the caller could sign for several (kiêm nhiệm).
   */
  sendEvent: (id: string, type: PlanEvent, comment?: string, pin?: string, organisationId?: string) =>
    json<Plan>(`/plans/${id}/events`, {
      method: 'POST',
      body: JSON.stringify({ type, ...(comment ? { comment } : {}), ...(pin ? { pin } : {}), ...(organisationId ? { organisationId } : {}) }),
    }),
  /** The first page of the inbox: what the dashboard shows. */
  /** What waits for the caller (first page), and how many tasks there are in all. */
  getTasks: () => inboxPage('/tasks'),
  /** The plans the caller follows: it may withdraw, recall, close or cancel them, nobody waits on it. */
  getFollowing: () => inboxPage('/following'),
  search: (q: string) => json<SearchHit[]>(`/search?q=${encodeURIComponent(q)}&limit=8`),
  /** The reporting rounds of the caller's organisation's plans due within a month of today. */
  getRoundsToFollow: () => json<RoundToFollow[]>('/reporting-rounds/to-follow'),
  getHistory: (id: string) => json<HistoryEntry[]>(`/plans/${id}/history`),
  getVersions: (id: string) => json<PlanVersionInfo[]>(`/plans/${id}/versions`),
  getDiff: (id: string, from: number, to: number) => json<PlanDiff>(`/plans/${id}/diff?from=${from}&to=${to}`),
  getPlanStats: () => json<PlanStats>('/plans/stats'),
  getDistribution: (id: string) => json<Distribution>(`/plans/${id}/distribution`),
  acknowledge: (id: string) => json<Delivery>(`/plans/${id}/acknowledge`, { method: 'POST' }),
  /** A recipient committee's implementing plan: a new draft citing this one. */
  derivePlan: (id: string) => json<Plan>(`/plans/${id}/derive`, { method: 'POST' }),
  /** Điều 18: a new draft that will replace this issued plan. */
  replacePlan: (id: string) => json<Plan>(`/plans/${id}/replace`, { method: 'POST' }),
  /** Correction notices (đính chính): list, draft, approve, issue, read, download. */
  getCorrections: (id: string) => json<PlanCorrection[]>(`/plans/${id}/corrections`),
  createCorrection: (id: string, text: string) => json<PlanCorrection>(`/plans/${id}/corrections`, { method: 'POST', body: JSON.stringify({ text }) }),
  correctionStep: (id: string, correctionId: string, step: 'approve' | 'issue' | 'read') =>
    json<PlanCorrection>(`/plans/${id}/corrections/${correctionId}/${step}`, { method: 'POST' }),
  downloadCorrection: (id: string, correctionId: string) => download(`/plans/${id}/corrections/${correctionId}/document.docx`, `dinh-chinh-${correctionId}.docx`),

  /** The incoming register: an entry's file (PDF, DOCX, scan), its history, an implementing plan drafted from it. */
  uploadIncomingFile: (id: string, file: File) => json<IncomingDocument>(`/incoming-documents/${id}/file`, { method: 'PUT', body: multipart({ file }) }),
  downloadIncomingFile: (entry: IncomingDocument) => download(`/incoming-documents/${entry.id}/file`, entry.file?.name ?? `van-ban-den-${entry.arrivalNumber}`),
  getIncomingHistory: (id: string) => json<IncomingChange[]>(`/incoming-documents/${id}/history`),
  deriveFromIncoming: (id: string) => json<{ id: string }>(`/incoming-documents/${id}/derive`, { method: 'POST' }),

  /** The plan's DOCX: marked "DỰ THẢO" before issue, the stored issued file after. */
  downloadDocument: (id: string) => download(`/plans/${id}/document`, `ke-hoach-${id}.docx`),
  /** The issued, signed PDF as stored (or the copy being signed, or the draft). */
  downloadPdf: (id: string) => download(`/plans/${id}/document.pdf`, `ke-hoach-${id}.pdf`),
  /** Each digital signature of the plan's PDF, checked by the server. */
  verifySignatures: (id: string) => json<{ signatures: PdfSignatureCheck[] }>(`/plans/${id}/signatures/verify`),
  /** Plans derived from this one (recipients' implementing plans) that the caller may read. */
  getImplementing: (id: string) => json<ImplementingPlan[]>(`/plans/${id}/implementing`),

  /** Reports: `deadline` is the index of the deadline in the plan's `reporting`. */
  getMyReport: (id: string, deadline: number) => json<MyReport>(`${reportPath(id, deadline)}/mine`),
  saveMyReport: (id: string, deadline: number, report: SaveReport) =>
    json<Report>(`${reportPath(id, deadline)}/mine`, { method: 'PUT', body: JSON.stringify(report) }),
  getReportSummary: (id: string, deadline: number) => json<ReportSummary>(`${reportPath(id, deadline)}/summary`),
  downloadReportSummary: (id: string, deadline: number, format: 'csv' | 'docx') =>
    download(`${reportPath(id, deadline)}/summary.${format}`, `tong-hop-bao-cao-${deadline + 1}.${format}`),
  /** The caller's organisation's outgoing register over `from`–`to` (YYYY-MM-DD, both included), to print (DOCX) or as a workbook. */
  downloadNumberRegister: (from: string, to: string, format: 'docx' | 'xlsx') =>
    download(`/number-registers/export.${format}?from=${from}&to=${to}`, `so-dang-ky-van-ban-di-${from}-${to}.${format}`),
  closeReportRound: (id: string, deadline: number) => json<{ deadline: number; closedAt: string }>(`${reportPath(id, deadline)}/close`, { method: 'POST' }),
  getReportRevisions: (id: string, deadline: number, organisationId: string) =>
    json<ReportRevision[]>(`${reportPath(id, deadline)}/organisations/${organisationId}/revisions`),

  /** An organisation's own plan templates (admins): history, upload, download, activate, back to the shipped one. */
  getTemplates: (organisationId: string) =>
    json<OrganisationTemplate[]>(`/organisations/${organisationId}/templates?sort=${encodeURIComponent('["version","DESC"]')}&range=${encodeURIComponent('[0,199]')}`),
  uploadTemplate: (organisationId: string, kind: TemplateKind, file: File) =>
    json<OrganisationTemplate>(`/organisations/${organisationId}/templates`, { method: 'POST', body: multipart({ kind, file }) }),
  downloadTemplate: (template: OrganisationTemplate) =>
    download(`/organisations/${template.organisationId}/templates/${template.id}/file`, template.fileName),
  activateTemplate: (template: OrganisationTemplate) =>
    json<OrganisationTemplate>(`/organisations/${template.organisationId}/templates/${template.id}/activate`, { method: 'POST' }),
  /** An organisation's ban and văn phòng: anyone reads them; its administrators add, change and remove them. */
  getUnits: (organisationId: string) => json<OrganisationUnit[]>(`/organisations/${organisationId}/units`),
  saveUnit: (organisationId: string, unit: OrganisationUnitInput, id?: string) =>
    json<OrganisationUnit>(`/organisations/${organisationId}/units${id ? `/${id}` : ''}`, { method: id ? 'PUT' : 'POST', body: JSON.stringify(unit) }),
  deleteUnit: async (organisationId: string, id: string) => {
    await httpClient(`${API}/organisations/${organisationId}/units/${id}`, { method: 'DELETE' });
  },
  /** The caller's own e-mail notification settings. */
  getNotificationSettings: () => json<NotificationSettings>('/me/notification-settings'),
  saveNotificationSettings: (settings: NotificationSettingsUpdate) =>
    json<NotificationSettings>('/me/notification-settings', { method: 'PUT', body: JSON.stringify(settings) }),
  useShippedTemplate: async (organisationId: string, kind: TemplateKind) => {
    await httpClient(`${API}/organisations/${organisationId}/templates/active?kind=${kind}`, { method: 'DELETE' });
  },

  /** A user's roles in other organisations (kiêm nhiệm): list, add, remove (administrators of those organisations). */
  getCapacities: (userId: string) => json<Capacity[]>(`/users/${userId}/capacities`),
  addCapacity: (userId: string, capacity: { organisationId: string; roles: Role[]; title?: string }) =>
    json<Capacity>(`/users/${userId}/capacities`, { method: 'POST', body: JSON.stringify(capacity) }),
  removeCapacity: async (userId: string, capacityId: string) => {
    await httpClient(`${API}/users/${userId}/capacities/${capacityId}`, { method: 'DELETE' });
  },

  /** Signing keys and images (administrators): the certificate on record, a new PKCS#12 with its PIN, a new PNG. */
  getUserSigning: (id: string) => json<UserSigning>(signingPath({ resource: 'users', id })),
  getOrganisationSigning: (id: string) => json<OrganisationSigning>(signingPath({ resource: 'organisations', id })),
  uploadSigningCredential: (holder: SigningHolder, file: File, pin: string) =>
    json<SigningCredential>(`${signingPath(holder)}/credential`, { method: 'PUT', body: multipart({ pin, file }) }),
  /** A person's signature image, or an organisation's seal with its diameter. */
  uploadSigningImage: (holder: SigningHolder, file: File, diameterMm?: number) =>
    json<unknown>(signingImagePath(holder), { method: 'PUT', body: multipart({ ...(diameterMm ? { diameterMm: String(diameterMm) } : {}), file }) }),

  /** An organisation's changes (rename, move, merge, dissolve), and those it took over as successor, oldest first. */
  getOrganisationChanges: (id: string) => json<OrganisationChange[]>(`/organisations/${id}/changes`),
  /** Records a change with its effective date; answers the history it is now part of. */
  changeOrganisation: (id: string, kind: OrganisationChangeKind, body: Record<string, unknown>) =>
    json<OrganisationChange[]>(`/organisations/${id}/${kind}`, { method: 'POST', body: JSON.stringify(body) }),
};

export type KehoachMethods = typeof kehoachMethods;

export const dataProvider: DataProvider & KehoachMethods = { ...simpleRestProvider(API, httpClient), ...kehoachMethods };
