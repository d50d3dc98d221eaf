import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { RemindersService } from './reminders.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({ imports: [PlansModule], controllers: [ReportsController], providers: [ReportsService, RemindersService], exports: [ReportsService, RemindersService] })
export class ReportsModule {}
