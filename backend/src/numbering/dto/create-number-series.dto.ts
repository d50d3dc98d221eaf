import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { DOCUMENT_TYPE_CODES } from '../../core/document-types';

export class CreateNumberSeriesDto {
  /** "Giấy mời" */
  @IsString() @Matches(/\S/u, { message: 'không được để trống' }) @MaxLength(200)
  name!: string;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(DOCUMENT_TYPE_CODES.length) @ArrayUnique()
  @IsIn(DOCUMENT_TYPE_CODES, { each: true, message: `mỗi loại phải là một trong: ${DOCUMENT_TYPE_CODES.join(', ')}` })
  typeCodes!: string[];
}
