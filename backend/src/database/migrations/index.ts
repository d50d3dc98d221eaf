import { MigrationObject } from '@mikro-orm/core';
import { Migration20261125073319 } from './Migration20261125073319';
import { Migration20261125074343 } from './Migration20261125074343';
import { Migration20261125090000_templates } from './Migration20261125090000_templates';
import { Migration20261125100000_distribution_reports } from './Migration20261125100000_distribution_reports';
import { Migration20261125110000_audit_head } from './Migration20261125110000_audit_head';
import { Migration20261130120000_sessions } from './Migration20261130120000_sessions';
import { Migration20261130130000_admin_scope } from './Migration20261130130000_admin_scope';
import { Migration20261130140000_static_plan_machine } from './Migration20261130140000_static_plan_machine';
import { Migration20261130150000_reporting_rounds } from './Migration20261130150000_reporting_rounds';
import { Migration20261130160000_signs_electronically } from './Migration20261130160000_signs_electronically';
import { Migration20261201090000_pdf_signing } from './Migration20261201090000_pdf_signing';
import { Migration20261201120000_mail_notifications } from './Migration20261201120000_mail_notifications';
import { Migration20261201130000_search } from './Migration20261201130000_search';
import { Migration20261201140000_number_series } from './Migration20261201140000_number_series';
import { Migration20261201190000_units } from './Migration20261201190000_units';

/** Every migration in order; `npm run migration:create` writes a new file, add it here. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261125073319', class: Migration20261125073319 },
  { name: 'Migration20261125074343', class: Migration20261125074343 },
  { name: 'Migration20261125090000_templates', class: Migration20261125090000_templates },
  { name: 'Migration20261125100000_distribution_reports', class: Migration20261125100000_distribution_reports },
  { name: 'Migration20261125110000_audit_head', class: Migration20261125110000_audit_head },
  { name: 'Migration20261130120000_sessions', class: Migration20261130120000_sessions },
  { name: 'Migration20261130130000_admin_scope', class: Migration20261130130000_admin_scope },
  { name: 'Migration20261130140000_static_plan_machine', class: Migration20261130140000_static_plan_machine },
  { name: 'Migration20261130150000_reporting_rounds', class: Migration20261130150000_reporting_rounds },
  { name: 'Migration20261130160000_signs_electronically', class: Migration20261130160000_signs_electronically },
  { name: 'Migration20261201090000_pdf_signing', class: Migration20261201090000_pdf_signing },
  { name: 'Migration20261201120000_mail_notifications', class: Migration20261201120000_mail_notifications },
  { name: 'Migration20261201130000_search', class: Migration20261201130000_search },
  { name: 'Migration20261201140000_number_series', class: Migration20261201140000_number_series },
  { name: 'Migration20261201190000_units', class: Migration20261201190000_units },
];
