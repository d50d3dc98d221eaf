import { sql, TestApp } from '../support/test-app';

/**
 * The tables a request may write on the caller's behalf. Sessions and failed logins are left out:
 * recording those is what a login (even a refused one) is for.
 */
const MAIN_TABLES = [
  'plan', 'plan_version', 'audit_record', 'organisation', 'user', 'signature', 'delivery', 'report', 'report_revision',
  'reporting_round', 'report_reminder', 'register_entry', 'number_counter', 'issued_document', 'organisation_template',
];

/** One text that changes when any row of the main tables is added, removed or changed. */
export async function mainTablesChecksum(t: TestApp): Promise<string> {
  const parts = MAIN_TABLES.map((table) => `select '${table}' as name, count(*) as rows, md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) as sum from "${table}" t`);
  const rows = await sql<{ name: string; rows: string; sum: string }>(t, parts.join(' union all '));
  return rows.map((row) => `${row.name}:${row.rows}:${row.sum}`).join(' ');
}
