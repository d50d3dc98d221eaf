/** Helpers for the document specs that go through the API: downloads, examples on the demo data. */
import type { Response } from 'superagent';
import type { PlanContent, ReportingDeadline } from '../../backend/src/core/plan-content';
import { vietnamDay } from '../../backend/src/core/reporting-calendar';
import { type DemoOrgs, send } from '../support/plans';
import type { TestApp } from '../support/test-app';
import { type Example, loadExample } from './support';

/** Reads a binary body (a .docx) into a Buffer, whatever its content type. */
export function binaryBody(response: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}

export interface DownloadedFile {
  bytes: Buffer;
  sha256: string | undefined;
  contentType: string;
  contentDisposition: string;
}

/** GETs a file as `username`, expecting 200. */
export async function download(t: TestApp, username: string, url: string): Promise<DownloadedFile> {
  const response = await t.as(username).get(url).buffer(true).parse(binaryBody).expect(200);
  return {
    bytes: response.body as Buffer,
    sha256: response.headers['x-content-sha256'],
    contentType: response.headers['content-type'],
    contentDisposition: response.headers['content-disposition'],
  };
}

export function downloadDocument(t: TestApp, username: string, planId: string): Promise<DownloadedFile> {
  return download(t, username, `/api/plans/${planId}/document`);
}

/** Which demo organisation each placeholder of the example fixtures stands for, and its leader. */
const DEMO_ORGANISATIONS: Record<string, { key: keyof DemoOrgs; leader: string }> = {
  'ORG:MTTQ': { key: 'province', leader: 'pct.tinh' },
  'ORG:LDLD': { key: 'ldld', leader: 'ldld.tinh' },
  'ORG:HND': { key: 'hnd', leader: 'hnd.tinh' },
  'ORG:HLHPN': { key: 'hlhpn', leader: 'hlhpn.tinh' },
  'ORG:TD': { key: 'tinhdoan', leader: 'tinhdoan' },
  'ORG:HCCB': { key: 'hccb', leader: 'hccb.tinh' },
};

export const PLACEHOLDERS = Object.keys(DEMO_ORGANISATIONS);

/** The demo leader who signs for a placeholder organisation. */
export function leaderOf(placeholder: string): string {
  return DEMO_ORGANISATIONS[placeholder].leader;
}

/** An example's content as written, its placeholder ids replaced by the demo organisations' real ids. */
export function exampleAsWritten(name: Example, orgs: DemoOrgs): PlanContent {
  const real = (placeholder: string) => {
    const demo = DEMO_ORGANISATIONS[placeholder];
    if (!demo) throw new Error(`${name}.json names ${placeholder}, which no demo organisation stands for`);
    return orgs[demo.key];
  };
  const content = loadExample(name);
  return {
    ...content,
    issuerId: real(content.issuerId),
    coIssuerIds: content.coIssuerIds.map(real),
    recipients: content.recipients.map((recipient) => ({ ...recipient, orgIds: recipient.orgIds?.map(real) })),
  };
}

/** The example on the demo data, to be issued today: as written, its deadlines moved ahead (below). */
export function exampleOnDemoData(name: Example, orgs: DemoOrgs): PlanContent {
  const content = exampleAsWritten(name, orgs);
  return { ...content, reporting: yearsAhead(content.reporting, vietnamDay(new Date())) };
}

/**
 * An example re-issued today: its deadlines (2020's) moved on together by whole years until none has
 * passed, so their days and order stay those of the example (a plan with a past deadline is refused).
 */
function yearsAhead(deadlines: ReportingDeadline[], today: string): ReportingDeadline[] {
  const inYear = (day: string, years: number) => `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
  let years = 0;
  while (deadlines.some((deadline) => inYear(deadline.dueDate, years) < today)) years += 1;
  return deadlines.map((deadline) => ({ ...deadline, dueDate: inYear(deadline.dueDate, years) }));
}

/**
 * A provincial plan driven to ISSUE as the demo users would: bpt.tinh drafts and submits, tb.tinh
 * forwards, each co-issuer's leader signs, pct.tinh approves, vt.tinh issues. Answers the issued plan.
 */
export async function issueAsDemoUsers(t: TestApp, content: object, coIssuerLeaders: string[] = []) {
  const { body: plan } = await t.as('bpt.tinh').post('/api/plans').send(content).expect(201);
  await send(t, 'bpt.tinh', plan.id, 'SUBMIT');
  await send(t, 'tb.tinh', plan.id, 'FORWARD');
  for (const leader of coIssuerLeaders) await send(t, leader, plan.id, 'SIGN');
  await send(t, 'pct.tinh', plan.id, 'APPROVE');
  return send(t, 'vt.tinh', plan.id, 'ISSUE');
}
