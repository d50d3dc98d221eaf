import { Module } from '@nestjs/common';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';

@Module({
  controllers: [OrganisationsController, UnitsController],
  providers: [OrganisationsService, UnitsService],
  exports: [OrganisationsService, UnitsService],
})
export class OrganisationsModule {}
