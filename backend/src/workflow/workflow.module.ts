import { Module } from '@nestjs/common';
import { DistributionModule } from '../distribution/distribution.module';
import { DocumentsModule } from '../documents/documents.module';
import { ReportsModule } from '../reports/reports.module';
import { NumberingModule } from '../numbering/numbering.module';
import { SignaturesModule } from '../signatures/signatures.module';
import { TasksService } from './tasks.service';
import { PlanEventStore } from './plan-event.store';
import { WorkflowController } from './workflow.controller';
import { WorkflowService } from './workflow.service';

@Module({
  imports: [SignaturesModule, NumberingModule, DocumentsModule, DistributionModule, ReportsModule],
  controllers: [WorkflowController],
  providers: [WorkflowService, PlanEventStore, TasksService],
  exports: [WorkflowService],
})
export class WorkflowModule {}
