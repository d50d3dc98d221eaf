import { OmitType, PartialType } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { Role, ROLES } from '../../core/roles';

export class CreateUserDto {
  @IsString() @IsNotEmpty() @MaxLength(100)
  @Matches(/^[a-z0-9._-]+$/, { message: 'chỉ gồm chữ thường không dấu, số và . _ -' })
  username!: string;

  @IsString() @IsNotEmpty() @MaxLength(200)
  fullName!: string;

  @IsString() @MinLength(8, { message: 'phải có ít nhất 8 ký tự' }) @MaxLength(200)
  password!: string;

  /** Null or absent: no e-mail notifications. */
  @IsOptional() @IsEmail({}, { message: 'phải là địa chỉ e-mail hợp lệ (ví dụ: ten@donvi.gov.vn)' }) @MaxLength(200)
  email?: string | null;

  @IsUUID()
  organisationId!: string;

  /** A ban or the office of its organisation; null or absent: none. */
  @IsOptional() @IsUUID()
  unitId?: string | null;

  @IsArray() @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `mỗi vai trò phải là một trong: ${ROLES.join(', ')}` })
  roles!: Role[];

  @IsOptional() @IsBoolean()
  active?: boolean;
}

export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['username'] as const)) {}
