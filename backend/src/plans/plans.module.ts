import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DocumentsModule } from '../documents/documents.module';
import { SignaturesModule } from '../signatures/signatures.module';
import { PlanImportController } from './import/plan-import.controller';
import { PlanImportService } from './import/plan-import.service';
import { PlanContentRules } from './plan-content.rules';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';

@Module({
  imports: [AuditModule, SignaturesModule, DocumentsModule],
  controllers: [PlanImportController, PlansController],
  providers: [PlansService, PlanContentRules, PlanImportService],
  exports: [PlansService],
})
export class PlansModule {}
