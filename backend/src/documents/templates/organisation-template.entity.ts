import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Organisation } from '../../organisations/organisation.entity';
import { User } from '../../users/user.entity';
import { TEMPLATE_KINDS, type TemplateKind } from '../../core/template-kinds';

/**
 * An organisation's own version of a shipped template (templates/*.docx). Every upload is kept as
 * a row, numbered per organisation and kind, so an earlier version can be made active again; at
 * most one row per organisation and kind is active, and none means the shipped template.
 * Only `active` ever changes after the upload.
 */
@Entity()
@Unique({ properties: ['organisation', 'kind', 'version'] })
@Index({
  name: 'organisation_template_active_unique',
  expression:
    'create unique index "organisation_template_active_unique" on "organisation_template" ("organisation_id", "kind") where "active"',
})
export class OrganisationTemplate {
  [OptionalProps]?: 'uploadedAt' | 'active';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @Enum({ items: () => TEMPLATE_KINDS })
  kind!: TemplateKind;

  /** 1, 2, 3… per organisation and kind, in upload order */
  @Property({ type: 'integer' })
  version!: number;

  /** the name of the uploaded file, for the admin to recognise it */
  @Property({ type: 'text' })
  fileName!: string;

  @Property({ type: 'integer' })
  size!: number;

  @Property({ type: 'text' })
  sha256!: string;

  @Property({ type: 'blob', lazy: true })
  bytes!: Buffer;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  uploadedBy!: User;

  @Property({ type: 'datetime' })
  uploadedAt: Date = new Date();

  @Property({ type: 'boolean' })
  active: boolean = true;
}
