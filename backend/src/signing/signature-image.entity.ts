import { Check, Entity, Enum, OptionalProps, Property, Unique } from '@mikro-orm/core';
import { HeldByUserOrOrganisation } from './held-by';

export const SIGNATURE_IMAGE_KINDS = ['signature', 'seal'] as const;
export type SignatureImageKind = (typeof SIGNATURE_IMAGE_KINDS)[number];

/**
 * What a digital signature shows on the page (Nghị định 30/2020, Phụ lục I §II.7): a person's
 * signature image (blue, transparent PNG) or an organisation's seal (red, at its true diameter).
 */
@Entity()
@Check({ name: 'signature_image_one_holder', expression: '("user_id" is null) <> ("organisation_id" is null)' })
@Unique({ properties: ['user', 'kind'] })
@Unique({ properties: ['organisation', 'kind'] })
export class SignatureImage extends HeldByUserOrOrganisation {
  [OptionalProps]?: 'uploadedAt' | 'diameterMm';

  @Enum({ items: () => SIGNATURE_IMAGE_KINDS, nativeEnumName: 'signature_image_kind' })
  kind!: SignatureImageKind;

  @Property({ type: 'blob', lazy: true })
  png!: Buffer;

  /** The seal's true diameter on paper. */
  @Property({ type: 'double', nullable: true })
  diameterMm: number | null = null;

  @Property({ type: 'datetime' })
  uploadedAt: Date = new Date();
}
