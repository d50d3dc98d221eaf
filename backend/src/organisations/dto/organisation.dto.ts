import { PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ORGANISATION_KINDS, ORGANISATION_LEVELS, OrganisationKind, OrganisationLevel } from '../organisation.entity';

export class CreateOrganisationDto {
  @IsString() @IsNotEmpty() @MaxLength(300)
  name!: string;

  @IsString() @IsNotEmpty() @MaxLength(100)
  shortName!: string;

  @IsString() @IsNotEmpty() @MaxLength(200)
  bodyName!: string;

  @IsString() @IsNotEmpty() @MaxLength(50)
  @Matches(/^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$/u, { message: 'chỉ gồm chữ in hoa và số, nối bằng "-" (ví dụ MTTQ-BTT)' })
  symbol!: string;

  @IsString() @IsNotEmpty() @MaxLength(100)
  place!: string;

  @IsString() @IsNotEmpty() @MaxLength(200)
  signatureAuthority!: string;

  @IsString() @IsNotEmpty() @MaxLength(100)
  signerTitle!: string;

  @IsIn(ORGANISATION_KINDS, { message: `phải là một trong: ${ORGANISATION_KINDS.join(', ')}` })
  kind!: OrganisationKind;

  @IsIn(ORGANISATION_LEVELS, { message: `phải là một trong: ${ORGANISATION_LEVELS.join(', ')}` })
  level!: OrganisationLevel;

  @IsOptional() @IsBoolean()
  numberRegisterPerType?: boolean;

  @IsOptional() @IsBoolean()
  signsElectronically?: boolean;

  @IsOptional() @IsUUID()
  parentId?: string | null;
}

export class UpdateOrganisationDto extends PartialType(CreateOrganisationDto) {}
