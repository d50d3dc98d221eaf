import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Role, ROLES } from '../../core/roles';

/** A capacity's roles: everything but `sysadmin`, which is the whole system's, never an organisation's. */
export const CAPACITY_ROLES = ROLES.filter((role) => role !== 'sysadmin');

export class CreateCapacityDto {
  @IsUUID('all', { message: 'phải là mã đơn vị' })
  organisationId!: string;

  @IsArray() @ArrayNotEmpty({ message: 'cần ít nhất một vai trò' }) @ArrayUnique()
  @IsIn(CAPACITY_ROLES, { each: true, message: `mỗi vai trò phải là một trong: ${CAPACITY_ROLES.join(', ')}` })
  roles!: Role[];

  /** "CHỦ TỊCH": the title signed under there; absent or blank: the organisation's signerTitle. */
  @IsOptional() @IsString() @MaxLength(200)
  title?: string | null;
}
