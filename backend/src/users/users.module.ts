import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { CapacitiesService } from './capacities.service';
import { FirstAdminService } from './first-admin.service';
import { UserCapacitiesController } from './user-capacities.controller';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [OrganisationsModule],
  controllers: [UsersController, UserCapacitiesController],
  providers: [UsersService, FirstAdminService, CapacitiesService],
  exports: [UsersService, FirstAdminService],
})
export class UsersModule {}
