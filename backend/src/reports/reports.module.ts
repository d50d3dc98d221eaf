import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { JobsModule } from '../jobs/jobs.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PlansModule } from '../plans/plans.module';
import { RemindersService } from './reminders.service';
import { ReportingRoundRepository } from './reporting-round.repository';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { RoundsController } from './rounds.controller';

@Module({
  imports: [PlansModule, DocumentsModule, JobsModule, NotificationsModule],
  controllers: [ReportsController, RoundsController],
  providers: [ReportsService, RemindersService, ReportingRoundRepository],
  exports: [ReportsService, RemindersService, ReportingRoundRepository],
})
export class ReportsModule {}
