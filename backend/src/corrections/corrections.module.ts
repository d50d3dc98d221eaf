import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DocumentsModule } from '../documents/documents.module';
import { IncomingModule } from '../incoming/incoming.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { NumberingModule } from '../numbering/numbering.module';
import { PlansModule } from '../plans/plans.module';
import { CorrectionsController } from './corrections.controller';
import { CorrectionsService } from './corrections.service';

/** Correction notices of issued plans (Điều 18); the inbox (workflow) lists the unread ones. */
@Module({
  imports: [AuditModule, PlansModule, NumberingModule, DocumentsModule, NotificationsModule, IncomingModule],
  controllers: [CorrectionsController],
  providers: [CorrectionsService],
  exports: [CorrectionsService],
})
export class CorrectionsModule {}
