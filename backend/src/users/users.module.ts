import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { FirstAdminService } from './first-admin.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [OrganisationsModule],
  controllers: [UsersController],
  providers: [UsersService, FirstAdminService],
  exports: [UsersService, FirstAdminService],
})
export class UsersModule {}
