import { IsDefined, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../../common/validation';

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`: calendar days in Vietnam, both included. */
export class RegisterExportQueryDto {
  @IsDefined() @IsCalendarDate()
  from!: string;

  @IsDefined() @IsCalendarDate()
  to!: string;

  /** Another register the caller may read (an organisation merged into its own); its own by default. */
  @IsOptional() @IsUUID()
  organisationId?: string;
}
