import { Type } from 'class-transformer';
import { IsBase64, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { PLAN_EVENTS, PlanEvent } from '../../core/plan-lifecycle';

/** The CMS (PKCS#7, base64 DER) a USB token or remote signing service made over a prepared digest. */
export class ExternalSignatureDto {
  @IsUUID('4', { message: 'phải là mã phiên chuẩn bị ký' })
  preparationId!: string;

  @IsBase64({}, { message: 'phải là chữ ký CMS (PKCS#7) mã hóa base64' }) @MaxLength(65536)
  cms!: string;
}

/** SIGN or APPROVE: the event whose signature the device makes. */
export class PrepareSignatureDto {
  @IsIn(['SIGN', 'APPROVE'], { message: 'phải là SIGN hoặc APPROVE' })
  type!: 'SIGN' | 'APPROVE';

  /** the organisation signed for, when the caller could sign for several (kiêm nhiệm) */
  @IsOptional() @IsUUID('all', { message: 'phải là mã đơn vị' })
  organisationId?: string;
}

export class PlanEventDto {
  @IsIn(PLAN_EVENTS, { message: `phải là một trong: ${PLAN_EVENTS.join(', ')}` })
  type!: PlanEvent;

  @IsOptional() @IsString() @MaxLength(5000)
  comment?: string;

  /** SIGN, APPROVE, ISSUE: the PIN of the signer's key, when the server holds one */
  @IsOptional() @IsString() @MaxLength(128)
  pin?: string;

  /** SIGN, APPROVE: instead of a PIN, the signature made on the signer's own device */
  @IsOptional() @ValidateNested() @Type(() => ExternalSignatureDto)
  externalSignature?: ExternalSignatureDto;

  /** SIGN, APPROVE: the organisation signed for, when the caller could sign for several (kiêm nhiệm) */
  @IsOptional() @IsUUID('all', { message: 'phải là mã đơn vị' })
  organisationId?: string;
}
