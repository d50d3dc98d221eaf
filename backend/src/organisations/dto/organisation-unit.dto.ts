import { PartialType } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { UNIT_CODE_PATTERN, UNIT_KINDS, type UnitKind } from '../../core/organisation-units';

export class CreateOrganisationUnitDto {
  @IsString() @IsNotEmpty() @MaxLength(200)
  name!: string;

  @IsString() @IsNotEmpty() @MaxLength(20)
  @Matches(UNIT_CODE_PATTERN, { message: 'chỉ gồm chữ in hoa và số, nối bằng "-" (ví dụ BPT)' })
  code!: string;

  @IsIn(UNIT_KINDS, { message: `phải là một trong: ${UNIT_KINDS.join(', ')}` })
  kind!: UnitKind;
}

export class UpdateOrganisationUnitDto extends PartialType(CreateOrganisationUnitDto) {}
