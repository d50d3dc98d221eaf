import { IsInt, Min } from 'class-validator';
import { PlanContentDto } from './plan-content.dto';

/** An edit: the whole new content plus the `version` it was made from (409 when another edit came first). */
export class UpdatePlanDto extends PlanContentDto {
  @IsInt({ message: 'phải là số phiên bản (số nguyên) của kế hoạch đang sửa' }) @Min(1)
  version!: number;
}
