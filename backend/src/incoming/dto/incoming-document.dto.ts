import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsCalendarDate } from '../../common/validation';
import { DOCUMENT_TYPE_CODES } from '../../core/document-types';
import { INCOMING_STATUSES, URGENCIES, type IncomingStatus, type Urgency } from '../../core/incoming-documents';

const NotBlank = () => Matches(/\S/u, { message: 'không được để trống' });

/** What the clerk writes in the register for a document received (Phụ lục IV's columns). */
export class CreateIncomingDocumentDto {
  /** Ngày đến; today when absent */
  @IsOptional() @IsCalendarDate()
  receivedAt?: string;

  @IsString() @NotBlank() @MaxLength(500)
  sender!: string;

  /** "12/KH-UBND" */
  @IsString() @NotBlank() @MaxLength(100)
  documentNumber!: string;

  @IsCalendarDate()
  documentDate!: string;

  @IsIn(DOCUMENT_TYPE_CODES, { message: `phải là một trong: ${DOCUMENT_TYPE_CODES.join(', ')}` })
  documentType!: string;

  @IsString() @NotBlank() @MaxLength(2000)
  summary!: string;

  @IsOptional() @IsIn(URGENCIES, { message: `phải là một trong: ${URGENCIES.join(', ')}` })
  urgency?: Urgency;
}

/**
 * An edit: the register's fields (the clerk), the assignment with direction and deadline (the leader),
 * the status (the assignee). Only what changes is checked against who may change it, so a form sending
 * the whole entry back works for each of them.
 */
export class UpdateIncomingDocumentDto {
  @IsOptional() @IsCalendarDate()
  receivedAt?: string;

  @IsOptional() @IsString() @NotBlank() @MaxLength(500)
  sender?: string;

  @IsOptional() @IsString() @NotBlank() @MaxLength(100)
  documentNumber?: string;

  @IsOptional() @IsCalendarDate()
  documentDate?: string;

  @IsOptional() @IsIn(DOCUMENT_TYPE_CODES, { message: `phải là một trong: ${DOCUMENT_TYPE_CODES.join(', ')}` })
  documentType?: string;

  @IsOptional() @IsString() @NotBlank() @MaxLength(2000)
  summary?: string;

  @IsOptional() @IsIn(URGENCIES, { message: `phải là một trong: ${URGENCIES.join(', ')}` })
  urgency?: Urgency;

  /** "Ban Phong trào"; null: none */
  @ValidateIf((_, value) => value !== null && value !== undefined) @IsString() @MaxLength(200)
  assigneeUnit?: string | null;

  @ValidateIf((_, value) => value !== null && value !== undefined) @IsUUID('all', { message: 'phải là mã người dùng (UUID)' })
  assigneeId?: string | null;

  /** Ý kiến chỉ đạo */
  @ValidateIf((_, value) => value !== null && value !== undefined) @IsString() @MaxLength(4000)
  direction?: string | null;

  @ValidateIf((_, value) => value !== null && value !== undefined) @IsCalendarDate()
  deadline?: string | null;

  @IsOptional() @IsIn(INCOMING_STATUSES, { message: `phải là một trong: ${INCOMING_STATUSES.join(', ')}` })
  status?: IncomingStatus;
}
