import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { PlansModule } from '../plans/plans.module';
import { RemindersService } from './reminders.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({ imports: [PlansModule, DocumentsModule], controllers: [ReportsController], providers: [ReportsService, RemindersService], exports: [ReportsService, RemindersService] })
export class ReportsModule {}
