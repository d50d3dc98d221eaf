import { IsBoolean, IsInt, IsObject, IsOptional, IsString, MaxLength, Min } from 'class-validator';

export class SaveReportDto {
  /** indicator code → value (checked against the plan's form) */
  @IsObject({ message: 'phải là một đối tượng {mã chỉ tiêu: giá trị}' })
  values!: Record<string, unknown>;

  @IsOptional() @IsString() @MaxLength(10_000)
  note?: string;

  /** true: submit (or keep submitted); false: save as draft */
  @IsOptional() @IsBoolean()
  submit?: boolean;

  /** the report's version the editor loaded; a concurrent save makes it stale (409) */
  @IsOptional() @IsInt() @Min(1)
  version?: number;
}
