import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DocumentsService } from './documents.service';
import { RenderPool } from './render-pool';
import { ReportSummaryDocumentService } from './report-summary-document.service';
import { OrganisationTemplatesController } from './templates/organisation-templates.controller';
import { OrganisationTemplatesService } from './templates/organisation-templates.service';

/**
 * Plan documents (draft and issued DOCX), the organisations' own templates they are rendered from,
 * and the report summary DOCX, all rendered in a pool of worker threads (render-pool.ts).
 */
@Module({
  imports: [AuditModule],
  controllers: [OrganisationTemplatesController],
  providers: [DocumentsService, OrganisationTemplatesService, ReportSummaryDocumentService, { provide: RenderPool, useFactory: () => new RenderPool() }],
  exports: [DocumentsService, ReportSummaryDocumentService],
})
export class DocumentsModule {}
