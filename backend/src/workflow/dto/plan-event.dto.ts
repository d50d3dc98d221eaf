import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PLAN_EVENTS, PlanEvent } from '../../auth/ability.factory';

export class PlanEventDto {
  @IsIn(PLAN_EVENTS, { message: `phải là một trong: ${PLAN_EVENTS.join(', ')}` })
  type!: PlanEvent;

  @IsOptional() @IsString() @MaxLength(5000)
  comment?: string;
}
