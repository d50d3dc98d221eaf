import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { DELIVERY_MODES, type DeliveryMode } from '../../core/notification-settings';

export class CategorySettingDto {
  @IsBoolean()
  enabled!: boolean;

  @IsIn(DELIVERY_MODES, { message: `phải là một trong: ${DELIVERY_MODES.join(', ')}` })
  delivery!: DeliveryMode;
}

/** One entry per category to change (new_task, returned, report_due, report_overdue, recalled). */
export class CategorySettingsDto {
  @IsOptional() @ValidateNested() @Type(() => CategorySettingDto)
  new_task?: CategorySettingDto;

  @IsOptional() @ValidateNested() @Type(() => CategorySettingDto)
  returned?: CategorySettingDto;

  @IsOptional() @ValidateNested() @Type(() => CategorySettingDto)
  report_due?: CategorySettingDto;

  @IsOptional() @ValidateNested() @Type(() => CategorySettingDto)
  report_overdue?: CategorySettingDto;

  @IsOptional() @ValidateNested() @Type(() => CategorySettingDto)
  recalled?: CategorySettingDto;
}

export class UpdateNotificationSettingsDto {
  @IsObject() @ValidateNested() @Type(() => CategorySettingsDto)
  categories!: CategorySettingsDto;
}
