import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID,
  Matches, MaxLength, ValidateIf, ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../common/validation';
import {
  BLOCK_TYPES, BlockType, INDICATOR_TYPES, IndicatorType, PLAN_KINDS, PlanKind, PREAMBLE_KINDS, PreambleKind,
} from '../../core/plan-content';

const TEXT_MAX = 20_000;
const oneOf = (values: readonly string[]) => ({ message: `phải là một trong: ${values.join(', ')}` });
const notEmpty = { message: 'không được để trống' };
/** Not empty and not only spaces. */
const NotBlank = () => Matches(/\S/u, notEmpty);

export class BodyBlockDto {
  @IsIn(BLOCK_TYPES, oneOf(BLOCK_TYPES))
  type!: BlockType;

  @IsString() @NotBlank() @MaxLength(TEXT_MAX)
  text!: string;

  /** heading1–3 only (PlanContentRules) */
  @IsOptional() @IsBoolean()
  asParagraph?: boolean;
}

export class SignerDto {
  @IsString() @NotBlank() @MaxLength(200)
  authority!: string;

  @IsOptional() @IsString() @MaxLength(200)
  deputy!: string | null;

  @IsString() @NotBlank() @MaxLength(200)
  title!: string;
}

/** A line naming organisations may leave its label blank: the server then prints all their names. */
const hasOwnLabel = (line: RecipientDto) => !line.orgIds?.length || Boolean(line.label?.trim());

export class RecipientDto {
  @ValidateIf(hasOwnLabel) @IsString() @NotBlank() @MaxLength(500)
  label!: string;

  @IsOptional() @IsString() @MaxLength(200)
  note?: string | null;

  @IsOptional() @IsArray() @IsUUID('all', { each: true, message: 'mỗi phần tử phải là mã tổ chức (UUID)' })
  orgIds?: string[];
}

export class ReportingDeadlineDto {
  @IsString() @NotBlank() @MaxLength(200)
  name!: string;

  @IsCalendarDate()
  dueDate!: string;

  @IsOptional() @IsUUID('all', { message: 'phải là mã kỳ báo cáo (UUID)' })
  parentRoundId?: string | null;
}

export class IndicatorDto {
  @IsString() @NotBlank() @MaxLength(20)
  code!: string;

  @IsString() @NotBlank() @MaxLength(500)
  label!: string;

  /** empty for a text indicator */
  @IsOptional() @IsString() @MaxLength(50)
  unit!: string;

  @IsIn(INDICATOR_TYPES, oneOf(INDICATOR_TYPES))
  type!: IndicatorType;

  @IsOptional() @IsString() @MaxLength(500)
  section?: string;

  @IsOptional() @IsString() @MaxLength(500)
  group?: string;
}

export class ReportingFormDto {
  @IsString() @NotBlank() @MaxLength(300)
  title!: string;

  @IsOptional() @IsString() @MaxLength(500)
  subtitle?: string;

  @IsArray() @ArrayMinSize(1, { message: 'phải có ít nhất một chỉ tiêu' }) @ArrayMaxSize(500)
  @ValidateNested({ each: true }) @Type(() => IndicatorDto)
  indicators!: IndicatorDto[];

  @IsOptional() @IsString() @MaxLength(TEXT_MAX)
  note?: string;
}

/** The content of a plan (DESIGN §3); semantic checks (organisations exist, kinds) are in PlanContentRules. */
export class PlanContentDto {
  @IsIn(PLAN_KINDS, oneOf(PLAN_KINDS))
  kind!: PlanKind;

  @IsUUID('all', { message: 'phải là mã tổ chức (UUID)' })
  issuerId!: string;

  @IsArray() @ArrayMaxSize(30) @IsUUID('all', { each: true, message: 'mỗi phần tử phải là mã tổ chức (UUID)' })
  coIssuerIds!: string[];

  @IsOptional() @IsString() @MaxLength(100)
  heading?: string | null;

  @IsString() @NotBlank() @MaxLength(1000)
  title!: string;

  @IsString() @NotBlank() @MaxLength(100)
  place!: string;

  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @Matches(/\S/u, { each: true, message: 'không được có đoạn trống' })
  preamble!: string[];

  /** one per preamble line (PlanContentRules checks the count) */
  @IsOptional() @IsArray() @IsIn(PREAMBLE_KINDS, { each: true, message: `mỗi phần tử phải là một trong: ${PREAMBLE_KINDS.join(', ')}` })
  preambleKinds?: PreambleKind[];

  @IsArray() @ArrayMinSize(1, { message: 'nội dung kế hoạch phải có ít nhất một mục' }) @ArrayMaxSize(2000)
  @ValidateNested({ each: true }) @Type(() => BodyBlockDto)
  body!: BodyBlockDto[];

  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @Matches(/\S/u, { each: true, message: 'không được có đoạn trống' })
  closing!: string[];

  @ValidateNested() @Type(() => SignerDto)
  signer!: SignerDto;

  @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => RecipientDto)
  recipients!: RecipientDto[];

  @IsString() @MaxLength(300)
  archive!: string;

  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ReportingDeadlineDto)
  reporting!: ReportingDeadlineDto[];

  @IsOptional() @ValidateNested() @Type(() => ReportingFormDto)
  form!: ReportingFormDto | null;

  @IsOptional() @IsUUID('all', { message: 'phải là mã kế hoạch (UUID)' })
  parentPlanId!: string | null;
}
