import { ArrayType, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity';
import type { OrganisationLevel } from '../core/organisation-levels';

export { ORGANISATION_LEVELS, type OrganisationLevel } from '../core/organisation-levels';

export const ORGANISATION_KINDS = ['committee', 'member_org'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A Front committee or member organisation; the tree gives the header's upper line and read rights. */
@Entity()
export class Organisation extends BaseEntity<'parent' | 'path' | 'numberRegisterPerType' | 'signsElectronically' | 'dissolvedOn' | 'successor' | 'predecessorIds'> {
  /** "Ủy ban MTTQ Việt Nam tỉnh Sơn La" */
  @Property({ type: 'text' })
  name!: string;

  /** "MTTQ tỉnh", "LĐLĐ tỉnh" */
  @Property({ type: 'text' })
  shortName!: string;

  /** "BAN THƯỜNG TRỰC" or "BAN THƯỜNG VỤ" */
  @Property({ type: 'text' })
  bodyName!: string;

  /** Used in document symbols: "MTTQ-BTT" → "KH-MTTQ-BTT" */
  @Property({ type: 'text' })
  symbol!: string;

  /** Place name of the date line: "Sơn La" */
  @Property({ type: 'text' })
  place!: string;

  /** Authority line of its signature block: "TM. BAN THƯỜNG TRỰC", "TM. BAN THƯỜNG VỤ LĐLĐ TỈNH" */
  @Property({ type: 'text' })
  signatureAuthority!: string;

  /** Default title of its signer: "PHÓ CHỦ TỊCH", "CHỦ TỊCH", "BÍ THƯ" */
  @Property({ type: 'text' })
  signerTitle!: string;

  @Enum({ items: () => ORGANISATION_KINDS, nativeEnumName: 'organisation_kind' })
  kind!: OrganisationKind;

  /** One of core/organisation-levels.ts, checked by the DTO: text, so the old tree and the new one both fit. */
  @Property({ type: 'text' })
  level!: OrganisationLevel;

  /**
   * Practice for approved documents (FORMAT.md): true prints "Đã ký" in its signature block once the
   * signer is recorded (an electronic approval); false leaves room to sign by hand and seal.
   */
  @Property({ type: 'boolean' })
  signsElectronically: boolean = true;

  /** Numbers from one register per document type instead of one shared register (Điều 15.1.c). */
  @Property({ type: 'boolean' })
  numberRegisterPerType: boolean = false;

  @ManyToOne(() => Organisation, { nullable: true, deleteRule: 'restrict', serializedName: 'parentId', serializer: (o: Organisation | null) => o?.id ?? null })
  parent: Organisation | null = null;

  /** Materialised path "/rootId/…/id/": descendants are `path LIKE '<ancestor path>%'` in one index scan. */
  @Index({ name: 'organisation_path_idx', expression: 'create index "organisation_path_idx" on "organisation" ("path" text_pattern_ops)' })
  @Property({ type: 'text' })
  path: string = '';

  /** Effective date ("YYYY-MM-DD") of the merge or dissolution that ended it; null while it exists. */
  @Property({ type: 'string', columnType: 'date', nullable: true })
  dissolvedOn: string | null = null;

  /** The organisation that took over its work when it was merged or dissolved. */
  @ManyToOne(() => Organisation, { nullable: true, deleteRule: 'restrict', serializedName: 'successorId', serializer: (o: Organisation | null) => o?.id ?? null })
  successor: Organisation | null = null;

  /**
   * Every organisation merged or dissolved into this one, transitively (C into D, then D into E: E
   * holds C and D). Denormalised so the session's one statement gives the caller what it acts for.
   */
  @Property({ type: ArrayType })
  predecessorIds: string[] = [];
}
