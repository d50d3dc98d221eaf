import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PlansModule } from '../plans/plans.module';
import { SigningModule } from '../signing/signing.module';
import { DocumentsService } from './documents.service';
import { NumberRegisterDocumentService } from './number-register-document.service';
import { PlanDocumentsController } from './plan-documents.controller';
import { PlanPdfController } from './plan-pdf.controller';
import { PlanPdfService } from './plan-pdf.service';
import { RenderPool } from './render-pool';
import { ReportSummaryDocumentService } from './report-summary-document.service';
import { OrganisationTemplatesController } from './templates/organisation-templates.controller';
import { OrganisationTemplatesService } from './templates/organisation-templates.service';

/**
 * Plan documents (draft and issued DOCX, the PDF being signed and as issued), the organisations' own
 * templates they are rendered from, the report summary and the outgoing register DOCX, all rendered in a pool of worker
 * threads (render-pool.ts).
 */
@Module({
  imports: [AuditModule, PlansModule, SigningModule],
  controllers: [OrganisationTemplatesController, PlanDocumentsController, PlanPdfController],
  providers: [DocumentsService, PlanPdfService, OrganisationTemplatesService, ReportSummaryDocumentService, NumberRegisterDocumentService, { provide: RenderPool, useFactory: () => new RenderPool() }],
  exports: [DocumentsService, PlanPdfService, ReportSummaryDocumentService, NumberRegisterDocumentService],
})
export class DocumentsModule {}
