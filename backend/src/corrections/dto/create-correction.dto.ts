import { IsString, MaxLength } from 'class-validator';

/** A correction notice's text: what was wrong in the issued plan and how it reads now. */
export class CreateCorrectionDto {
  @IsString({ message: 'cần ghi nội dung đính chính' }) @MaxLength(5000, { message: 'tối đa 5000 ký tự' })
  text!: string;
}
