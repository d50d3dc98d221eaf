import { IsOptional, IsString, MaxLength } from 'class-validator';

/** POST /api/plans/import as JSON: pasted text (or a `text` field of the multipart form). */
export class ImportTextDto {
  @IsOptional() @IsString() @MaxLength(1_000_000)
  text?: string;
}
