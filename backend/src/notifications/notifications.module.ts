import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { DigestJob } from './digest';
import { Mailer } from './mailer';
import { NotificationSettingsController } from './notification-settings.controller';
import { NotificationSettingsService } from './notification-settings.service';
import { NotificationsService } from './notifications.service';
import { OutboxWorker } from './outbox-worker';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';
import { PlanEventNotices } from './plan-event-notices';
import { ReportNotices } from './report-notices';

/** E-mail notifications (issue 14 §2): the outbox written with each event, its worker, users' settings. */
@Module({
  imports: [JobsModule],
  controllers: [NotificationSettingsController],
  providers: [NotificationsService, OutboxService, OutboxRepository, OutboxWorker, DigestJob, Mailer, NotificationSettingsService, PlanEventNotices, ReportNotices],
  exports: [NotificationsService],
})
export class NotificationsModule {}
