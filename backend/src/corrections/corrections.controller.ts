import { Body, Controller, Get, HttpCode, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/decorators';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { DOCX_CONTENT_TYPE } from '../documents/documents.service';
import { CorrectionsService } from './corrections.service';
import { CreateCorrectionDto } from './dto/create-correction.dto';

/** Correction notices of a plan (đính chính, Điều 18): draft, approve, issue, read, download. */
@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans/:id/corrections')
export class CorrectionsController {
  constructor(private readonly corrections: CorrectionsService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string) {
    return this.corrections.list(user, id);
  }

  /** The issuer's drafter writes a notice (201, a draft). */
  @Post()
  create(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: CreateCorrectionDto) {
    return this.corrections.create(user, id, dto.text);
  }

  @Post(':cid/approve')
  @HttpCode(200)
  approve(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Param('cid', ParseIdPipe) cid: string) {
    return this.corrections.step(user, id, cid, 'approve');
  }

  @Post(':cid/issue')
  @HttpCode(200)
  issue(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Param('cid', ParseIdPipe) cid: string) {
    return this.corrections.step(user, id, cid, 'issue');
  }

  /** A recipient organisation has read the issued notice. */
  @Post(':cid/read')
  @HttpCode(200)
  read(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Param('cid', ParseIdPipe) cid: string) {
    return this.corrections.markRead(user, id, cid);
  }

  @Get(':cid/document.docx')
  async document(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Param('cid', ParseIdPipe) cid: string, @Res({ passthrough: true }) response: Response) {
    const file = await this.corrections.document(user, id, cid);
    response.setHeader('Content-Type', DOCX_CONTENT_TYPE);
    response.attachment(file.fileName);
    if (file.sha256) response.setHeader('X-Content-SHA256', file.sha256);
    return new StreamableFile(file.bytes);
  }
}
