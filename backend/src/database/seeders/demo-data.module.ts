import { Module } from '@nestjs/common';
import { PlansModule } from '../../plans/plans.module';
import { WorkflowModule } from '../../workflow/workflow.module';
import { DemoDataService } from './demo-data.service';

@Module({ imports: [PlansModule, WorkflowModule], providers: [DemoDataService] })
export class DemoDataModule {}
