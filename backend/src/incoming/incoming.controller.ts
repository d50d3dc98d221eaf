import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/decorators';
import { Filter, ListParams, ListQuery, Page } from '../common/list-query';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { isCalendarDate } from '../common/validation';
import { INCOMING_STATUSES, URGENCIES } from '../core/incoming-documents';
import { presentPlanSummary } from '../plans/plan.presenter';
import { CreateIncomingDocumentDto, UpdateIncomingDocumentDto } from './dto/incoming-document.dto';
import { presentIncoming } from './incoming.presenter';
import { IncomingService, type ReceivedFile } from './incoming.service';

/** A scanned document of a few dozen pages; a register is not a file store. */
export const MAX_INCOMING_FILE_BYTES = 20 * 1024 * 1024;

const day = { reason: 'phải là ngày dạng YYYY-MM-DD', accepts: isCalendarDate };
const FILTERS = {
  q: Filter.text,
  year: Filter.integer,
  status: Filter.many(Filter.oneOf(INCOMING_STATUSES)),
  urgency: Filter.many(Filter.oneOf(URGENCIES)),
  from: day,
  to: day,
  /** what waits for the caller: given to them and not done, or (a leader) received and not yet given to anyone */
  toHandle: Filter.boolean,
};
const SORTABLE = ['arrivalNumber', 'receivedAt', 'documentDate', 'deadline', 'status', 'urgency', 'createdAt', 'updatedAt'];

@ApiTags('incoming-documents')
@ApiBearerAuth()
@Controller('incoming-documents')
export class IncomingController {
  constructor(private readonly incoming: IncomingService) {}

  @Get()
  @ApiOperation({ summary: 'Sổ văn bản đến của cơ quan người gọi; lọc theo q, year, status, urgency, from/to (ngày đến), toHandle (văn bản chờ người gọi xử lý)' })
  async list(@CurrentUser() user: AuthUser, @ListParams({ sortable: SORTABLE, defaultSort: 'arrivalNumber', filters: FILTERS }) query: ListQuery) {
    const page = await this.incoming.list(user, query);
    return new Page(page.resource, page.items.map(presentIncoming), page.total, page.offset);
  }

  @Post()
  @ApiOperation({ summary: 'Vào sổ một văn bản đến (văn thư): số đến tiếp theo của sổ năm' })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateIncomingDocumentDto) {
    return presentIncoming(await this.incoming.create(user, dto));
  }

  @Get(':id')
  async one(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string) {
    return presentIncoming(await this.incoming.findReadable(user, id));
  }

  @Put(':id')
  @ApiOperation({ summary: 'Sửa sổ (văn thư), giao xử lý với ý kiến chỉ đạo và hạn (lãnh đạo), cập nhật tình trạng (người được giao)' })
  async update(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: UpdateIncomingDocumentDto) {
    return presentIncoming(await this.incoming.update(user, id, dto));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Xóa văn bản vào sổ bằng tay, chưa giao xử lý (khác: 409)' })
  async remove(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string) {
    await this.incoming.remove(user, id);
    return { id };
  }

  @Put(':id/file')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_INCOMING_FILE_BYTES, files: 1, fields: 0 }, defParamCharset: 'utf8' }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Tải lên tệp văn bản đến (PDF, .docx, ảnh quét PNG/JPEG/TIFF; tối đa 20 MB, lớn hơn: 413)' })
  async putFile(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @UploadedFile() file?: ReceivedFile) {
    return presentIncoming(await this.incoming.putFile(user, id, file));
  }

  @Get(':id/file')
  async file(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const { name, type, bytes } = await this.incoming.file(user, id);
    response.setHeader('Content-Type', type);
    response.attachment(name);
    return new StreamableFile(bytes);
  }

  @Get(':id/history')
  history(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string) {
    return this.incoming.history(user, id);
  }

  @Post(':id/derive')
  @HttpCode(201)
  @ApiOperation({ summary: 'Xây dựng kế hoạch thực hiện từ văn bản đến: dự thảo của cơ quan người gọi, trích dẫn văn bản' })
  async derive(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string) {
    return presentPlanSummary(await this.incoming.derive(user, id));
  }
}
