import { IsOptional, IsUUID } from 'class-validator';
import { PlanContentDto } from './plan-content.dto';

/** A new draft: its content and, beside it, the unit drafting it (absent: the drafter's own; null: none). */
export class CreatePlanDto extends PlanContentDto {
  @IsOptional() @IsUUID('all', { message: 'phải là mã ban (UUID)' })
  draftingUnitId?: string | null;
}
