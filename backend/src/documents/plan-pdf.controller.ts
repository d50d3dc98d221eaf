import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Get, HttpCode, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/decorators';
import { invalid } from '../common/app-error';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { PlansService } from '../plans/plans.service';
import type { SignatureReport } from '../signing';
import { PDF_CONTENT_TYPE, PlanPdfService } from './plan-pdf.service';

/** A received PDF to check: the largest plans with appendices stay well below. */
const MAX_VERIFY_BYTES = 20 * 1024 * 1024;

/** The plan's PDF and the verification of digital signatures (Nghị định 30/2020 Điều 5). */
@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class PlanPdfController {
  constructor(
    private readonly em: EntityManager,
    private readonly plans: PlansService,
    private readonly pdfs: PlanPdfService,
  ) {}

  @Get('plans/:id/document.pdf')
  @ApiOperation({ summary: 'Văn bản PDF: bản đã ký số khi ban hành (nguyên vẹn, kèm X-Content-SHA256), trước đó bản đang ký hoặc dự thảo' })
  @ApiProduces(PDF_CONTENT_TYPE)
  async pdf(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const plan = await this.plans.findReadable(this.em, user, id);
    const file = await this.pdfs.file(plan);
    response.setHeader('Content-Type', PDF_CONTENT_TYPE);
    response.attachment(file.fileName);
    if (file.sha256) response.setHeader('X-Content-SHA256', file.sha256);
    return new StreamableFile(file.bytes);
  }

  @Get('plans/:id/signatures/verify')
  @ApiOperation({ summary: 'Kiểm tra từng chữ ký số trên văn bản PDF của kế hoạch' })
  async verifyPlan(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string) {
    await this.plans.findReadable(this.em, user, id);
    const bytes = await this.pdfs.storedPdf(id);
    return { signatures: bytes ? (await this.pdfs.verify(bytes)).map(presentSignatureCheck) : [] };
  }

  @Post('documents/verify')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_VERIFY_BYTES, files: 1, fields: 0 } }))
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Kiểm tra chữ ký số của một tệp PDF nhận được (multipart `file`)' })
  async verifyUpload(@UploadedFile() file?: { buffer: Buffer }) {
    if (!file?.buffer.length) throw invalid({ file: 'chưa chọn tệp PDF' });
    if (!file.buffer.subarray(0, 1024).includes('%PDF-')) throw invalid({ file: 'tệp không phải văn bản PDF' });
    return { signatures: (await this.pdfs.verify(file.buffer)).map(presentSignatureCheck) };
  }
}

/** A signature as the verification panel shows it. */
export function presentSignatureCheck(report: SignatureReport) {
  return {
    fieldName: report.fieldName ?? null,
    signer: report.signer ?? report.name ?? null,
    organisation: report.organisation ?? null,
    reason: report.reason ?? null,
    signingTime: report.signingTime ?? null,
    subject: report.subject ?? null,
    issuer: report.issuer ?? null,
    timestamp: report.timestamp ?? null,
    coversWholeDocument: report.coversWholeDocument,
    revision: report.revision,
    valid: report.valid,
    problems: report.problems,
  };
}
