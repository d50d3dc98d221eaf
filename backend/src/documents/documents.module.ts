import { Module } from '@nestjs/common';
import { DocumentsService } from './documents.service';
import { ReportSummaryDocumentService } from './report-summary-document.service';
import { OrganisationTemplatesController } from './templates/organisation-templates.controller';
import { OrganisationTemplatesService } from './templates/organisation-templates.service';

/**
 * Plan documents (draft and issued DOCX), the organisations' own templates they are rendered from,
 * and the report summary DOCX.
 */
@Module({
  controllers: [OrganisationTemplatesController],
  providers: [DocumentsService, OrganisationTemplatesService, ReportSummaryDocumentService],
  exports: [DocumentsService, ReportSummaryDocumentService],
})
export class DocumentsModule {}
