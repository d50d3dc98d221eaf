import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** Type abbreviations of Phụ lục III (FORMAT.md "Symbols"). */
export const DOCUMENT_TYPE_CODES = ['KH', 'BC', 'CTr', 'HD', 'TB', 'QĐ', 'NQ', 'CT', 'QC', 'ĐA', 'PA', 'BB', 'TTr', 'GM'] as const;

export class RegisterExternalDto {
  @IsIn(DOCUMENT_TYPE_CODES, { message: `phải là một trong: ${DOCUMENT_TYPE_CODES.join(', ')}` })
  typeCode!: string;

  @IsString() @IsNotEmpty({ message: 'không được để trống' }) @MaxLength(1000)
  title!: string;

  @IsOptional() @IsISO8601({ strict: true }, { message: 'phải là thời điểm ISO 8601' })
  issuedAt?: string;
}
