import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PlanImportController } from './import/plan-import.controller';
import { PlanImportService } from './import/plan-import.service';
import { PlanContentRules } from './plan-content.rules';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';
import { SignaturesService } from './signatures.service';

@Module({
  imports: [AuditModule],
  controllers: [PlanImportController, PlansController],
  providers: [PlansService, PlanContentRules, PlanImportService, SignaturesService],
  exports: [PlansService, SignaturesService],
})
export class PlansModule {}
