import type { UnitKind } from '../../core/organisation-units';
import type { PlanEvent } from '../../core/plan-lifecycle';
import type { DemoDataChoice } from '../../config/app-config';
import organisations from './data/organisations.json';
import users from './data/users.json';
import plans from './data/demo-plans.json';
import organisations2026 from './data/2026/organisations.json';
import users2026 from './data/2026/users.json';
import plans2026 from './data/2026/plans.json';

/** An organisation of a data file; `key` names it in the other files, `parent` is its parent's key. */
export interface DemoOrganisation {
  key: string;
  parent: string | null;
  name: string;
  shortName: string;
  bodyName: string;
  symbol: string;
  place: string;
  signatureAuthority: string;
  signerTitle: string;
  kind: string;
  level: string;
  /** its ban and văn phòng */
  units?: { name: string; code: string; kind: UnitKind }[];
}

/** A demo account: its organisation by key, its unit by code. */
export interface DemoUser {
  username: string;
  fullName: string;
  organisation: string;
  unit?: string;
  roles: string[];
  /** kiêm nhiệm: roles held in other organisations (by key), with the title signed under there */
  capacities?: { organisation: string; roles: string[]; title?: string }[];
}

/**
 * A demo plan: made by `drafter`, then driven along `road` (who sends which event). In its content,
 * organisations are named by key and deadlines are days after the seeding day (`dueInDays`).
 */
export interface DemoPlan {
  drafter: string;
  content: {
    issuer: string;
    coIssuers: string[];
    recipients: { label: string; note?: string; orgs?: string[] }[];
    reporting: { name: string; dueInDays: number }[];
    heading?: string;
    [field: string]: unknown;
  };
  road: [string, PlanEvent][];
}

/** One demo: the organisation tree, its accounts and its plans. */
export interface DemoDataSet {
  organisations: DemoOrganisation[];
  users: DemoUser[];
  plans: DemoPlan[];
}

/**
 * `true`: the default demo (DESIGN §11), a province with districts and communes. `'2026'`: a province
 * in the two-tier structure of 2026 — its ban, the five member organisations, communes and wards
 * directly under it.
 */
export function demoDataSet(choice: Exclude<DemoDataChoice, false>): DemoDataSet {
  if (choice === '2026') return fromFiles(organisations2026, users2026, plans2026);
  return fromFiles(organisations, users, plans);
}

/** The data files as read: JSON says `string` where the types name values (kinds, events). */
function fromFiles(organisations: unknown, users: unknown, plans: unknown): DemoDataSet {
  return { organisations, users, plans } as DemoDataSet;
}
