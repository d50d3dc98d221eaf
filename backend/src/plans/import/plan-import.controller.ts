import {
  ArgumentsHost, Body, Catch, Controller, ExceptionFilter, HttpCode, HttpStatus, PayloadTooLargeException, Post, UploadedFile, UseFilters, UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../../access/auth-user';
import { CurrentUser } from '../../access/decorators';
import { AppError } from '../../common/app-error';
import { AllExceptionsFilter } from '../../common/http-exception.filter';
import { ImportTextDto } from './import-text.dto';
import { badSource, PlanImportService } from './plan-import.service';

/** A 20-page plan in Word is about 100 kB; pictures aside, 10 MB is far beyond any plan. */
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const ZIP_SIGNATURE = Buffer.from('PK\u0003\u0004', 'latin1');

/** What multer's memory storage hands over. */
interface UploadedSource {
  buffer: Buffer;
  originalname: string;
}

/** Multer stops reading past the limit: the answer names the file and the limit, not just "too large". */
@Catch(PayloadTooLargeException)
class FileTooLargeFilter implements ExceptionFilter {
  catch(_exception: PayloadTooLargeException, host: ArgumentsHost): void {
    const message = `Tệp quá lớn: tối đa ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`;
    new AllExceptionsFilter().respond(host.switchToHttp().getResponse<Response>(), new AppError(HttpStatus.PAYLOAD_TOO_LARGE, 'PAYLOAD_TOO_LARGE', message, { file: message }));
  }
}

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlanImportController {
  constructor(private readonly imports: PlanImportService) {}

  @Post('import')
  @HttpCode(200)
  @UseFilters(FileTooLargeFilter)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 1 }, defParamCharset: 'utf8' }))
  @ApiOperation({
    summary: 'Đọc kế hoạch từ tệp Word (.docx), tệp văn bản (.txt) hoặc văn bản dán vào; không lưu gì',
    description:
      'Multipart `file` (.docx hoặc .txt, tối đa 10 MB) hoặc JSON `{"text": "…"}`. Trả `{content, warnings}`: `content` đúng dạng ' +
      'POST /api/plans nhận, của tổ chức người gọi, để soạn tiếp trong trình soạn thảo; `warnings` là những điều cần kiểm tra. ' +
      'Tệp hỏng, mã hóa, rỗng, “bom nén”: 400 nêu rõ lỗi; quá 10 MB: 413.',
  })
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, text: { type: 'string' } } } })
  read(@CurrentUser() user: AuthUser, @Body() { text }: ImportTextDto, @UploadedFile() file?: UploadedSource) {
    if (file) return this.readFile(user, file);
    if (text === undefined) throw badSource('file', ['Chưa chọn tệp (.docx, .txt) hoặc dán văn bản.']);
    return this.imports.fromText(user, text, 'text');
  }

  /** By content first: a zip is a Word file whatever its name; a .txt must be UTF-8. */
  private readFile(user: AuthUser, file: UploadedSource) {
    if (!file.buffer.length) throw badSource('file', [`Tệp “${file.originalname}” rỗng.`]);
    const isText = /\.txt$/iu.test(file.originalname) && !file.buffer.subarray(0, 4).equals(ZIP_SIGNATURE);
    if (!isText) return this.imports.fromDocx(user, file.buffer);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file.buffer);
    } catch {
      throw badSource('file', [`Tệp “${file.originalname}” không phải văn bản UTF-8: hãy lưu lại với bảng mã UTF-8.`]);
    }
    return this.imports.fromText(user, text, 'file');
  }
}
