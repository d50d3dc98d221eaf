import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/decorators';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ParseIntParamPipe } from '../common/parse-int.pipe';
import { DOCX_CONTENT_TYPE } from '../documents/documents.service';
import { ReportSummaryDocumentService } from '../documents/report-summary-document.service';
import { SaveReportDto } from './dto/save-report.dto';
import { ReportsService } from './reports.service';
import { summaryToCsv } from './summary-csv';

/** `:deadline` is the position (0, 1, …) of the reporting round in the plan's list, resolved to the round row. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('plans/:id/reports/:deadline')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly summaryDocuments: ReportSummaryDocumentService,
  ) {}

  @Get('mine')
  mine(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Param('deadline', ParseIntParamPipe) deadline: number) {
    return this.reports.mine(user, id, deadline);
  }

  @Put('mine')
  save(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Param('deadline', ParseIntParamPipe) deadline: number, @Body() dto: SaveReportDto) {
    return this.reports.save(user, id, deadline, dto);
  }

  @Get('summary')
  summary(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Param('deadline', ParseIntParamPipe) deadline: number) {
    return this.reports.summary(user, id, deadline);
  }

  @Get('summary.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async csv(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Param('deadline', ParseIntParamPipe) deadline: number, @Res({ passthrough: true }) response: Response) {
    const summary = await this.reports.summary(user, id, deadline);
    response.setHeader('Content-Disposition', `attachment; filename="tong-hop-bao-cao-${deadline + 1}.csv"`);
    return summaryToCsv(summary);
  }

  /** The summary as the issuer's report (templates/tong-hop-bao-cao.docx): counts, totals, each unit's figures. */
  @Get('summary.docx')
  async docx(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Param('deadline', ParseIntParamPipe) deadline: number, @Res({ passthrough: true }) response: Response) {
    const now = new Date();
    const file = await this.summaryDocuments.render(await this.reports.summary(user, id, deadline, now), now);
    response.setHeader('Content-Type', DOCX_CONTENT_TYPE);
    response.attachment(file.fileName);
    return new StreamableFile(file.bytes);
  }

  @Get('organisations/:organisationId/revisions')
  revisions(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Param('deadline', ParseIntParamPipe) deadline: number,
    @Param('organisationId', ParseIdPipe) organisationId: string,
  ) {
    return this.reports.revisions(user, id, deadline, organisationId);
  }

  @Post('close')
  @HttpCode(200)
  close(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Param('deadline', ParseIntParamPipe) deadline: number) {
    return this.reports.closeRound(user, id, deadline);
  }
}
