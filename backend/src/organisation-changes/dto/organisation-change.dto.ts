import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsCalendarDate, IsNotAfterToday } from '../../common/validation';

/**
 * Every change takes effect on a day, "YYYY-MM-DD": today or a day past (a change already in force, such
 * as the reform of 01/7/2025). It is carried out when recorded, so a day to come would be untrue.
 */
class EffectiveOnDto {
  @IsDefined() @IsCalendarDate() @IsNotAfterToday()
  effectiveOn!: string;
}

/** The names a rename may change; those left out stay as they are. */
export class RenameOrganisationDto extends EffectiveOnDto {
  @IsString() @IsNotEmpty() @MaxLength(300)
  name!: string;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100)
  shortName?: string;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(50)
  @Matches(/^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$/u, { message: 'chỉ gồm chữ in hoa và số, nối bằng "-" (ví dụ MTTQ-BTT)' })
  symbol?: string;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200)
  bodyName?: string;
}

export class MoveOrganisationDto extends EffectiveOnDto {
  @IsUUID()
  parentId!: string;
}

/** `:id` is the successor; these are merged into it. */
export class MergeOrganisationsDto extends EffectiveOnDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsUUID('all', { each: true })
  organisationIds!: string[];
}

export class DissolveOrganisationDto extends EffectiveOnDto {
  @IsUUID()
  successorId!: string;

  /** Where its child organisations go; the successor when absent. */
  @IsOptional() @IsUUID()
  childrenParentId?: string;
}
