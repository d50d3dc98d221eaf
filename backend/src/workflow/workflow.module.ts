import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CorrectionsModule } from '../corrections/corrections.module';
import { DistributionModule } from '../distribution/distribution.module';
import { DocumentsModule } from '../documents/documents.module';
import { ReportsModule } from '../reports/reports.module';
import { NumberingModule } from '../numbering/numbering.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PlansModule } from '../plans/plans.module';
import { SigningModule } from '../signing/signing.module';
import { PlanEventRepository } from './plan-event.repository';
import { TasksService } from './tasks.service';
import { WorkflowController } from './workflow.controller';
import { WorkflowService } from './workflow.service';
import { ReplacementService } from './replacement.service';

@Module({
  imports: [AuditModule, CorrectionsModule, PlansModule, NumberingModule, DocumentsModule, SigningModule, DistributionModule, ReportsModule, NotificationsModule],
  controllers: [WorkflowController],
  providers: [WorkflowService, TasksService, PlanEventRepository, ReplacementService],
  exports: [WorkflowService],
})
export class WorkflowModule {}
