import { IsInt, Min } from 'class-validator';
import { CreatePlanDto } from './create-plan.dto';

/** An edit: the whole new content plus the `version` it was made from (409 when another edit came first); `draftingUnitId` absent: unchanged. */
export class UpdatePlanDto extends CreatePlanDto {
  @IsInt({ message: 'phải là số phiên bản (số nguyên) của kế hoạch đang sửa' }) @Min(1)
  version!: number;
}
