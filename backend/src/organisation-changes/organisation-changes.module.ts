import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PlansModule } from '../plans/plans.module';
import { ReportsModule } from '../reports/reports.module';
import { OrganisationChangesController } from './organisation-changes.controller';
import { OrganisationChangesService } from './organisation-changes.service';

/** Rename, move, merge and dissolve, recorded (issue 15): above the plans and reports they move. */
@Module({
  imports: [OrganisationsModule, PlansModule, ReportsModule],
  controllers: [OrganisationChangesController],
  providers: [OrganisationChangesService],
})
export class OrganisationChangesModule {}
