import { Module } from '@nestjs/common';
import { PlansModule } from '../../plans/plans.module';
import { SigningModule } from '../../signing/signing.module';
import { WorkflowModule } from '../../workflow/workflow.module';
import { DemoDataService } from './demo-data.service';

@Module({ imports: [PlansModule, WorkflowModule, SigningModule], providers: [DemoDataService] })
export class DemoDataModule {}
